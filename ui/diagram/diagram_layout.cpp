#include "diagram/diagram_layout.h"

#include "view/colormap.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace stridelab::ui {

namespace {

constexpr double kMargin = 24.0;
constexpr double kTitleGap = 18.0;   // below the title
constexpr double kLabelGap = 3.0;    // a dimension label from its edge
constexpr double kOpPad = 8.0;       // an operation label from the maps either side
constexpr double kMinGap = 30.0;     // the shortest gap (arrow) between two maps
constexpr double kOpLift = 5.0;      // an operation label's bottom above its arrow
constexpr double kArrowBand = 5.0;   // half the height an arrow and its head need
constexpr double kArrowClear = 3.0;  // between an arrow's ends and what it connects
constexpr double kCaptionGap = 10.0;
constexpr double kCaptionPad = 16.0;  // between neighbouring captions
constexpr double kRowGap = 34.0;
constexpr double kContinue = 14.0;  // left of a continued row, for the connector
constexpr double kCardStep = 5.0;
constexpr double kLegendGap = 14.0;
constexpr double kSwatch = 14.0;
constexpr double kMinLegendWidth = 460.0;

// Fonts and their metrics by role.
class Measure {
public:
    explicit Measure(double fontScale) {
        for (int r = 0; r < kRoles; ++r) {
            fonts_[static_cast<std::size_t>(r)] = diagramFont(static_cast<TextRole>(r), fontScale);
            metrics_.emplace_back(fonts_[static_cast<std::size_t>(r)]);
        }
    }
    [[nodiscard]] double width(TextRole role, const QString& text) const {
        // One pixel of slack: advances are fractional and hinting may round them up.
        return std::ceil(metrics(role).horizontalAdvance(text)) + 1.0;
    }
    [[nodiscard]] double height(TextRole role) const { return std::ceil(metrics(role).height()); }
    // A text with its top-left corner at `topLeft`.
    [[nodiscard]] DiagramText at(TextRole role, const QString& text, QPointF topLeft,
                                 Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter) const {
        return {text, QRectF(topLeft, QSizeF(width(role, text), height(role))), role, alignment};
    }
    // Greedy word wrap to `maxWidth`.
    [[nodiscard]] QStringList wrap(TextRole role, const QString& text, double maxWidth) const {
        QStringList lines;
        QString line;
        for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && width(role, candidate) > maxWidth) {
                lines << line;
                line = word;
            } else {
                line = candidate;
            }
        }
        if (!line.isEmpty()) {
            lines << line;
        }
        return lines;
    }

private:
    static constexpr int kRoles = 5;
    [[nodiscard]] const QFontMetricsF& metrics(TextRole role) const {
        return metrics_[static_cast<std::size_t>(role)];
    }
    std::array<QFont, kRoles> fonts_;
    std::vector<QFontMetricsF> metrics_;
};

// Lines stacked downwards from y = top, each centred on x = 0.
std::vector<DiagramText> centredLines(const Measure& m,
                                      const std::vector<std::pair<QString, TextRole>>& lines,
                                      double top) {
    std::vector<DiagramText> texts;
    double y = top;
    for (const auto& [text, role] : lines) {
        const double w = m.width(role, text);
        texts.push_back(m.at(role, text, QPointF(-w / 2.0, y), Qt::AlignCenter));
        y += m.height(role);
    }
    return texts;
}

QRectF unite(const QRectF& box, const std::vector<DiagramText>& texts) {
    QRectF all = box;
    for (const DiagramText& t : texts) {
        all = all.united(t.rect);
    }
    return all;
}

// One map in its own coordinates: the front face's left edge at x = 0, the arrows' line at
// y = 0.
struct Column {
    DiagramBlock block;
    QRectF body;                       // the block or stack
    std::vector<DiagramText> labels;   // dimension labels
    QRectF ext;                        // body and labels
    double arrowIn = 0.0;              // where the incoming arrow may end
    double arrowOut = 0.0;             // where the outgoing arrow may start
    std::vector<DiagramText> caption;  // centred on x = 0, from y = 0 down
    double captionWidth = 0.0;
    double captionHeight = 0.0;
    std::vector<DiagramText> op;  // the operation that made this map; centred, bottom at 0
    double opWidth = 0.0;
    double opHeight = 0.0;
    // Placement.
    double x = 0.0;
    int row = 0;

    [[nodiscard]] double captionCentre() const { return body.center().x(); }
    [[nodiscard]] double captionLeft() const { return x + captionCentre() - captionWidth / 2.0; }
    [[nodiscard]] double captionRight() const { return x + captionCentre() + captionWidth / 2.0; }
};

void addBlockLabels(Column& col, const Measure& m, const Shape& shape) {
    const QRectF f = col.block.front;
    const double d = col.block.depth.x();
    const double th = m.height(TextRole::Dimension);
    const QString c = QString::number(shape.c);
    const QString h = QString::number(shape.h);
    const QString w = QString::number(shape.w);
    // C over the top face's back edge, which is C long.
    const double cw = m.width(TextRole::Dimension, c);
    col.labels.push_back(m.at(TextRole::Dimension, c,
                              QPointF(d + f.width() / 2.0 - cw / 2.0, f.top() - d - kLabelGap - th),
                              Qt::AlignCenter));
    // H beside the front face's left edge, in its lower half (below the arrow) when that has
    // room, else under the corner.
    const double hw = m.width(TextRole::Dimension, h);
    const double hy = f.bottom() - th >= kArrowBand ? f.bottom() - th : f.bottom() + 1.0;
    col.labels.push_back(m.at(TextRole::Dimension, h, QPointF(-kLabelGap - hw, hy),
                              Qt::AlignRight | Qt::AlignVCenter));
    // W below the middle of the receding bottom edge.
    col.labels.push_back(
        m.at(TextRole::Dimension, w,
             QPointF(f.right() + d / 2.0 + kLabelGap, f.bottom() - d / 2.0 + 1.0)));
}

Column makeColumn(const DiagramMap& map, int index, const DiagramScaling& scaling,
                  const DiagramOptions& options, const Measure& m) {
    Column col;
    col.block.map = index;
    col.block.role = map.role;
    const double h = scaling.length(map.shape.h);
    const double w = scaling.length(map.shape.w);
    if (options.style == DiagramStyle::Blocks) {
        const double t = channelThickness(map.shape.c);
        const double d = w * kDepthFactor;
        col.block.front = QRectF(0.0, -h / 2.0, t, h);
        col.block.depth = QPointF(d, -d);
        col.body = col.block.bounds(options.style);
        addBlockLabels(col, m, map.shape);
    } else {
        col.block.front = QRectF(0.0, -h / 2.0, w, h);
        col.block.depth = QPointF(kCardStep, -kCardStep);
        col.block.cards = std::max<int>(1, static_cast<int>(map.cards.size()));
        col.body = col.block.bounds(options.style);
    }
    col.ext = unite(col.body, col.labels);
    // Arrows run along y = 0: they stop short of any label that reaches into their band.
    col.arrowIn = col.block.front.left();
    col.arrowOut = col.body.right();
    for (const DiagramText& t : col.labels) {
        if (t.rect.top() < kArrowBand && t.rect.bottom() > -kArrowBand) {
            col.arrowIn = std::min(col.arrowIn, t.rect.left());
            col.arrowOut = std::max(col.arrowOut, t.rect.right());
        }
    }

    const QString shape = map.shape.toString();
    std::vector<std::pair<QString, TextRole>> caption{{map.name, TextRole::Name}};
    if (options.style == DiagramStyle::Maps) {
        // "conv2d_1" says its type already; "enc1" does not.
        const QString type = map.name.startsWith(map.type) ? QString() : map.type;
        for (const QString& line : {type, map.description}) {
            if (!line.isEmpty()) {
                caption.emplace_back(line, TextRole::Detail);
            }
        }
    }
    caption.emplace_back(shape, TextRole::Detail);
    col.caption = centredLines(m, caption, 0.0);
    for (const DiagramText& t : col.caption) {
        col.captionWidth = std::max(col.captionWidth, t.rect.width());
        col.captionHeight = t.rect.bottom();
    }

    if (options.style == DiagramStyle::Blocks && !map.type.isEmpty()) {
        std::vector<std::pair<QString, TextRole>> op{{map.type, TextRole::Detail}};
        if (!map.description.isEmpty()) {
            op.emplace_back(map.description, TextRole::Detail);
        }
        double height = 0.0;
        for (const auto& line : op) {
            height += m.height(line.second);
        }
        col.op = centredLines(m, op, -height);
        col.opHeight = height;
        for (const DiagramText& t : col.op) {
            col.opWidth = std::max(col.opWidth, t.rect.width());
        }
    }
    return col;
}

std::vector<DiagramText> translated(std::vector<DiagramText> texts, QPointF by) {
    for (DiagramText& t : texts) {
        t.rect.translate(by);
    }
    return texts;
}

struct Row {
    int first = 0;
    int last = 0;
    double top = 0.0;         // above the arrow line (negative)
    double bodyBottom = 0.0;  // below it
    double captionHeight = 0.0;
    // Absolute, once placed.
    double centre = 0.0;
    double bottom = 0.0;
};

QString typeList(const DiagramContent& content, MapRole role) {
    QStringList types;
    for (const DiagramMap& map : content.maps) {
        if (map.role == role && !types.contains(map.type)) {
            types << map.type;
        }
    }
    return types.join(QStringLiteral(", "));
}

QString scaleText(DiagramScale scale) {
    switch (scale) {
        case DiagramScale::Auto:
        case DiagramScale::Linear:
            return QCoreApplication::translate("Diagram", "to scale");
        case DiagramScale::Sqrt:
            return QCoreApplication::translate(
                "Diagram", "on a square-root scale (4 times the size is drawn twice as long)");
        case DiagramScale::Log:
            return QCoreApplication::translate(
                "Diagram", "on a log scale (each halving is drawn a fixed step shorter)");
    }
    return {};
}

QString mapsLegendText(const DiagramContent& content, DiagramScale scale) {
    const DisplayOptions& d = content.display;
    const QString values =
        d.normalisation == Normalisation::Fixed
            ? QCoreApplication::translate("Diagram", "%1 colour map over the fixed range %2 to %3")
                  .arg(colormapDisplayName(d.colormap))
                  .arg(static_cast<double>(d.fixedRange.min))
                  .arg(static_cast<double>(d.fixedRange.max))
            : QCoreApplication::translate("Diagram", "%1 colour map, normalised %2")
                  .arg(colormapDisplayName(d.colormap),
                       normalisationDisplayName(d.normalisation).toLower());
    return QCoreApplication::translate(
               "Diagram",
               "Each stack is one feature map: its first channels as cards, channel 0 in front, "
               "up to %1%2; height and width %3. Values: %4. The frame colour says which kind "
               "of layer made the map.")
        .arg(kMaxDiagramCards)
        .arg(d.rgb ? QCoreApplication::translate("Diagram", " (3-channel maps as one RGB picture)")
                   : QString(),
             scaleText(scale), values);
}

// The legend from `top`, at most `width` wide; returns its bottom.
double layoutLegend(DiagramLayout& layout, const DiagramContent& content,
                    const DiagramOptions& options, const Measure& m, double top, double width) {
    const double lh = m.height(TextRole::Legend);
    double x = kMargin;
    double y = top;
    std::set<MapRole> roles;
    for (const DiagramMap& map : content.maps) {
        roles.insert(map.role);
    }
    for (const MapRole role : roles) {
        const QString text =
            role == MapRole::Input ? QCoreApplication::translate("Diagram", "input")
            : role == MapRole::Downsampling
                ? QCoreApplication::translate("Diagram", "made by a downsampling layer (%1)")
                      .arg(typeList(content, role))
                : QCoreApplication::translate("Diagram", "made by an upsampling layer (%1)")
                      .arg(typeList(content, role));
        const double itemWidth = kSwatch + 6.0 + m.width(TextRole::Legend, text);
        if (x > kMargin && x + itemWidth > kMargin + width) {
            x = kMargin;
            y += lh + 4.0;
        }
        layout.swatches.push_back({QRectF(x, y + (lh - kSwatch) / 2.0, kSwatch, kSwatch), role});
        layout.texts.push_back(m.at(TextRole::Legend, text, QPointF(x + kSwatch + 6.0, y)));
        x += itemWidth + 22.0;
    }
    y += lh + 10.0;

    double keyWidth = 0.0;
    double keyHeight = 0.0;
    QString text;
    if (options.style == DiagramStyle::Blocks) {
        const double th = m.height(TextRole::Dimension);
        DiagramBlock key;
        key.role = MapRole::Input;
        const double d = 10.0;
        const double letterW = m.width(TextRole::Dimension, QStringLiteral("W"));
        key.front = QRectF(kMargin + letterW + kLabelGap, y + th + kLabelGap + d, 12.0, 28.0);
        key.depth = QPointF(d, -d);
        layout.texts.push_back(m.at(TextRole::Dimension, QStringLiteral("C"),
                                    QPointF(key.front.left() + d + 6.0 - letterW / 2.0, y),
                                    Qt::AlignCenter));
        layout.texts.push_back(m.at(TextRole::Dimension, QStringLiteral("H"),
                                    QPointF(kMargin, key.front.center().y() - th / 2.0),
                                    Qt::AlignRight | Qt::AlignVCenter));
        layout.texts.push_back(m.at(
            TextRole::Dimension, QStringLiteral("W"),
            QPointF(key.front.right() + d / 2.0 + kLabelGap, key.front.bottom() - d / 2.0 + 1.0)));
        keyWidth = key.front.right() + d + letterW + 2.0 * kLabelGap - kMargin;
        keyHeight = key.front.bottom() + th - y;
        layout.key = key;
        text = QCoreApplication::translate(
                   "Diagram",
                   "Each block is one feature map: its height is H and its depth W, %1; its width "
                   "grows with the channels C (log scale). The numbers on the edges are the "
                   "exact sizes; the arrows give each layer's type and parameters.")
                   .arg(scaleText(layout.scaling.scale));
    } else {
        layout.colorBar = QRectF(kMargin, y + 2.0, 110.0, 10.0);
        const double dh = m.height(TextRole::Dimension);
        layout.texts.push_back(m.at(TextRole::Dimension,
                                    QCoreApplication::translate("Diagram", "low"),
                                    QPointF(kMargin, layout.colorBar.bottom() + 2.0)));
        const QString high = QCoreApplication::translate("Diagram", "high");
        layout.texts.push_back(
            m.at(TextRole::Dimension, high,
                 QPointF(layout.colorBar.right() - m.width(TextRole::Dimension, high),
                         layout.colorBar.bottom() + 2.0),
                 Qt::AlignRight | Qt::AlignVCenter));
        keyWidth = layout.colorBar.width();
        keyHeight = layout.colorBar.height() + 4.0 + dh;
        text = mapsLegendText(content, layout.scaling.scale);
    }
    const double textLeft = kMargin + keyWidth + 16.0;
    const double textWidth = std::max(200.0, kMargin + width - textLeft);
    double ty = y;
    for (const QString& line : m.wrap(TextRole::Legend, text, textWidth)) {
        layout.texts.push_back(m.at(TextRole::Legend, line, QPointF(textLeft, ty)));
        ty += lh;
    }
    return std::max(y + keyHeight, ty);
}

// Left to right, a new row when the next map would pass `rowWidth`: sets each column's x and
// row and returns the rows' vertical extents.
std::vector<Row> placeColumns(std::vector<Column>& columns, double rowWidth) {
    std::vector<Row> rows;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        Column& col = columns[i];
        const double gap = std::max(kMinGap, col.opWidth + 2.0 * kOpPad);
        const double captionOffset = col.captionCentre() - col.captionWidth / 2.0;
        auto startRow = [&](bool continued) {
            const double left = kMargin + (continued ? kContinue + gap : 0.0);
            col.x = std::max(left - col.ext.left(), kMargin - captionOffset);
            rows.push_back({static_cast<int>(i), static_cast<int>(i), 0.0, 0.0, 0.0, 0.0, 0.0});
        };
        if (i == 0) {
            startRow(false);
        } else {
            const Column& prev = columns[i - 1];
            col.x = std::max(prev.x + prev.ext.right() + gap - col.ext.left(),
                             prev.captionRight() + kCaptionPad - captionOffset);
            if (std::max(col.x + col.ext.right(), col.captionRight()) > kMargin + rowWidth) {
                startRow(true);
            }
        }
        col.row = static_cast<int>(rows.size()) - 1;
        Row& row = rows.back();
        row.last = static_cast<int>(i);
        row.top = std::min({row.top, col.ext.top(), -kOpLift - col.opHeight});
        row.bodyBottom = std::max(row.bodyBottom, col.ext.bottom());
        row.captionHeight = std::max(row.captionHeight, col.captionHeight);
    }
    return rows;
}

}  // namespace

double DiagramScaling::length(std::int64_t extent) const {
    const double e = static_cast<double>(std::max<std::int64_t>(extent, 1));
    const double big = static_cast<double>(std::max<std::int64_t>(largest, 1));
    switch (scale) {
        case DiagramScale::Auto:
        case DiagramScale::Linear:
            return kMaxSpatialLength * e / big;
        case DiagramScale::Sqrt:
            return kMaxSpatialLength * std::sqrt(e / big);
        case DiagramScale::Log:
            return kMaxSpatialLength * (1.0 + std::log2(e)) / (1.0 + std::log2(big));
    }
    return kMaxSpatialLength;
}

DiagramScaling diagramScaling(const std::vector<DiagramMap>& maps, DiagramScale requested) {
    DiagramScaling s;
    std::int64_t smallest = 0;
    for (const DiagramMap& map : maps) {
        s.largest = std::max({s.largest, map.shape.h, map.shape.w});
        const std::int64_t small = std::max<std::int64_t>(1, std::min(map.shape.h, map.shape.w));
        smallest = smallest == 0 ? small : std::min(smallest, small);
    }
    s.scale = requested;
    if (requested == DiagramScale::Auto) {
        const double ratio = static_cast<double>(s.largest) /
                             static_cast<double>(std::max<std::int64_t>(smallest, 1));
        s.scale = ratio <= 8.0     ? DiagramScale::Linear
                  : ratio <= 256.0 ? DiagramScale::Sqrt
                                   : DiagramScale::Log;
    }
    return s;
}

double channelThickness(std::int64_t channels) {
    return 4.0 + 5.0 * std::log2(static_cast<double>(std::max<std::int64_t>(channels, 1)));
}

QFont diagramFont(TextRole role, double fontScale) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    // Unhinted, so that a text measures the same at every resolution it is drawn at.
    font.setHintingPreference(QFont::PreferNoHinting);
    int pixels = 11;
    switch (role) {
        case TextRole::Title:
            pixels = 17;
            font.setBold(true);
            break;
        case TextRole::Name:
            pixels = 12;
            font.setBold(true);
            break;
        case TextRole::Detail:
        case TextRole::Legend:
            pixels = 11;
            break;
        case TextRole::Dimension:
            pixels = 10;
            break;
    }
    font.setPixelSize(std::max(4, static_cast<int>(std::lround(pixels * fontScale))));
    return font;
}

QPolygonF DiagramBlock::topFace() const {
    return QPolygonF(
        {front.topLeft(), front.topRight(), front.topRight() + depth, front.topLeft() + depth});
}

QPolygonF DiagramBlock::sideFace() const {
    return QPolygonF({front.topRight(), front.bottomRight(), front.bottomRight() + depth,
                      front.topRight() + depth});
}

QRectF DiagramBlock::bounds(DiagramStyle style) const {
    if (style == DiagramStyle::Maps) {
        return front.united(card(cards - 1));
    }
    return front.united(front.translated(depth));
}

std::vector<DiagramText> DiagramLayout::textsOf(TextRole role) const {
    std::vector<DiagramText> found;
    std::copy_if(texts.begin(), texts.end(), std::back_inserter(found),
                 [role](const DiagramText& t) { return t.role == role; });
    return found;
}

DiagramLayout layoutDiagram(const DiagramContent& content, const DiagramOptions& options) {
    DiagramLayout layout;
    const Measure m(options.fontScale);
    layout.scaling = diagramScaling(content.maps, options.scale);

    std::vector<Column> columns;
    for (std::size_t i = 0; i < content.maps.size(); ++i) {
        columns.push_back(
            makeColumn(content.maps[i], static_cast<int>(i), layout.scaling, options, m));
    }

    // As few rows as the row width allows, as evenly filled as they can be.
    std::vector<Row> rows = placeColumns(columns, options.rowWidth);
    if (rows.size() > 1) {
        const std::size_t count = rows.size();
        double low = 0.0;
        double high = options.rowWidth;
        for (int step = 0; step < 30; ++step) {
            const double mid = (low + high) / 2.0;
            (placeColumns(columns, mid).size() <= count ? high : low) = mid;
        }
        rows = placeColumns(columns, high);
    }
    layout.rows = static_cast<int>(rows.size());

    // The title wraps to the width of the maps (a long title should not widen the figure).
    double right = kMargin;  // the rightmost thing drawn
    for (const Column& col : columns) {
        right = std::max({right, col.x + col.ext.right(), col.captionRight()});
    }
    double y = kMargin;
    const double textWidth = std::max(right - kMargin, kMinLegendWidth);
    for (const QString& line : m.wrap(TextRole::Title, content.title, textWidth)) {
        layout.texts.push_back(m.at(TextRole::Title, line, QPointF(kMargin, y)));
        y += m.height(TextRole::Title);
    }
    if (!content.title.isEmpty()) {
        y += kTitleGap;
    }

    for (Row& row : rows) {
        row.centre = y - row.top;
        row.bottom = row.centre + row.bodyBottom + kCaptionGap + row.captionHeight;
        y = row.bottom + kRowGap;
    }

    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Column& col = columns[i];
        const Row& row = rows[static_cast<std::size_t>(col.row)];
        const QPointF origin(col.x, row.centre);
        DiagramBlock block = col.block;
        block.front.translate(origin);
        layout.blocks.push_back(block);
        for (const DiagramText& t : translated(col.labels, origin)) {
            layout.texts.push_back(t);
        }
        for (const DiagramText& t : translated(
                 col.caption,
                 QPointF(col.x + col.captionCentre(), row.centre + row.bodyBottom + kCaptionGap))) {
            layout.texts.push_back(t);
        }
        right = std::max({right, col.x + col.ext.right(), col.captionRight()});
        if (i == 0) {
            continue;
        }
        const Column& prev = columns[i - 1];
        const Row& prevRow = rows[static_cast<std::size_t>(prev.row)];
        const double end = col.x + col.arrowIn - kArrowClear;
        double gapLeft = prev.x + prev.ext.right();
        DiagramArrow arrow;
        arrow.path << QPointF(prev.x + prev.arrowOut + kArrowClear, prevRow.centre);
        if (prev.row != col.row) {
            // Down the right of the previous row, back under it, down the left of this one.
            const double xr = std::max(prev.x + prev.ext.right(), prev.captionRight()) + 12.0;
            const double yb = prevRow.bottom + kRowGap / 2.0;
            const double xl = kMargin + kContinue / 2.0;
            arrow.path << QPointF(xr, prevRow.centre) << QPointF(xr, yb) << QPointF(xl, yb)
                       << QPointF(xl, row.centre);
            gapLeft = xl;
            right = std::max(right, xr);
        }
        arrow.path << QPointF(end, row.centre);
        layout.arrows.push_back(arrow);
        const double gapCentre = (gapLeft + col.x + col.ext.left()) / 2.0;
        for (const DiagramText& t : translated(col.op, QPointF(gapCentre, row.centre - kOpLift))) {
            layout.texts.push_back(t);
        }
    }

    const double rowsBottom = rows.empty() ? y : rows.back().bottom;
    const double legendBottom =
        layoutLegend(layout, content, options, m, rowsBottom + kLegendGap + 10.0, textWidth);
    for (const DiagramText& t : layout.texts) {
        right = std::max(right, t.rect.right());
    }
    layout.size = QSizeF(std::ceil(right + kMargin), std::ceil(legendBottom + kMargin));
    return layout;
}

}  // namespace stridelab::ui
