#pragma once
namespace stridelab::test {}
