// Anchors the resource library; the presets themselves are compiled in by qt_add_resources.
namespace stridelab::resources {
int presetsVersion() {
    return 1;
}
}  // namespace stridelab::resources
