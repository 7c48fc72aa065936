// placeholder so the target has a source until the real files land; delete when adding one
namespace { [[maybe_unused]] int placeholder_; }
