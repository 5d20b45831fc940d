import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// Turns an SVG into a PNG with librsvg and cairo, loaded when first needed: only exports to Word
/// need it, and a machine without librsvg (Debian: librsvg2-2) still builds sites.
public final class SVGRasterizer: Sendable {
    public static let shared = SVGRasterizer()

    private typealias NewFromData = @Sendable @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<OpaquePointer?>?) -> OpaquePointer?
    private typealias RenderDocument =
        @Sendable @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeRawPointer?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias Unref = @Sendable @convention(c) (OpaquePointer?) -> Void
    private typealias SurfaceCreate = @Sendable @convention(c) (Int32, Int32, Int32) -> OpaquePointer?
    private typealias Create = @Sendable @convention(c) (OpaquePointer?) -> OpaquePointer?
    private typealias Destroy = @Sendable @convention(c) (OpaquePointer?) -> Void
    private typealias SetRGB = @Sendable @convention(c) (OpaquePointer?, Double, Double, Double) -> Void
    private typealias Paint = @Sendable @convention(c) (OpaquePointer?) -> Void
    private typealias SurfaceData = @Sendable @convention(c) (OpaquePointer?) -> UnsafeMutableRawPointer?
    private typealias SurfaceStride = @Sendable @convention(c) (OpaquePointer?) -> Int32

    /// The C functions, found once; calling them is safe from any thread once the first
    /// picture is drawn (see `drawing`).
    private struct Library: Sendable {
        let newFromData: NewFromData
        let renderDocument: RenderDocument
        let unref: Unref
        let surfaceCreate: SurfaceCreate
        let create: Create
        let destroy: Destroy
        let surfaceDestroy: Destroy
        let setRGB: SetRGB
        let paint: Paint
        let surfaceFlush: Destroy
        let surfaceData: SurfaceData
        let surfaceStride: SurfaceStride
    }

    /// Loaded when first asked for (a static `let` is set up once, whichever thread asks first).
    private static let library: Library? = load()
    /// librsvg, pango and fontconfig are not safe to start from several threads at once: the first
    /// picture is drawn alone, holding this, the rest in parallel once it is true.
    private let warm = Mutex(false)

    /// Whether pictures can be made on this machine.
    public var isAvailable: Bool { Self.library != nil }

    private static func load() -> Library? {
        guard let rsvg = dlopen("librsvg-2.so.2", RTLD_NOW) ?? dlopen("librsvg-2.so", RTLD_NOW),
            let cairo = dlopen("libcairo.so.2", RTLD_NOW) ?? dlopen("libcairo.so", RTLD_NOW),
            let gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW) ?? dlopen("libgobject-2.0.so", RTLD_NOW)
        else { return nil }
        func symbol<T>(_ handle: UnsafeMutableRawPointer, _ name: String, as: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let newFromData = symbol(rsvg, "rsvg_handle_new_from_data", as: NewFromData.self),
            let renderDocument = symbol(rsvg, "rsvg_handle_render_document", as: RenderDocument.self),
            let unref = symbol(gobject, "g_object_unref", as: Unref.self),
            let surfaceCreate = symbol(cairo, "cairo_image_surface_create", as: SurfaceCreate.self),
            let create = symbol(cairo, "cairo_create", as: Create.self),
            let destroy = symbol(cairo, "cairo_destroy", as: Destroy.self),
            let surfaceDestroy = symbol(cairo, "cairo_surface_destroy", as: Destroy.self),
            let setRGB = symbol(cairo, "cairo_set_source_rgb", as: SetRGB.self),
            let paint = symbol(cairo, "cairo_paint", as: Paint.self),
            let surfaceFlush = symbol(cairo, "cairo_surface_flush", as: Destroy.self),
            let surfaceData = symbol(cairo, "cairo_image_surface_get_data", as: SurfaceData.self),
            let surfaceStride = symbol(cairo, "cairo_image_surface_get_stride", as: SurfaceStride.self)
        else { return nil }
        return Library(
            newFromData: newFromData, renderDocument: renderDocument, unref: unref, surfaceCreate: surfaceCreate,
            create: create, destroy: destroy, surfaceDestroy: surfaceDestroy, setRGB: setRGB, paint: paint,
            surfaceFlush: surfaceFlush, surfaceData: surfaceData, surfaceStride: surfaceStride)
    }

    /// A PNG of `svg` at `width` × `height` CSS pixels times `scale`, on white; nil when librsvg is missing or the SVG is invalid.
    public func png(_ svg: String, width: Double, height: Double, scale: Double = 1.5) -> PNGImage? {
        guard let library = Self.library else { return nil }
        let first: PNGImage?? = warm.withLock { warm in
            guard !warm else { return .none }
            defer { warm = true }
            return .some(draw(svg, width: width, height: height, scale: scale, library: library))
        }
        if let first { return first }
        return draw(svg, width: width, height: height, scale: scale, library: library)
    }

    private func draw(_ svg: String, width: Double, height: Double, scale: Double, library: Library) -> PNGImage? {
        let pixelWidth = Int32((width * scale).rounded()), pixelHeight = Int32((height * scale).rounded())
        let bytes = Array(svg.utf8)
        guard let handle = bytes.withUnsafeBufferPointer({ library.newFromData($0.baseAddress, $0.count, nil) }) else { return nil }
        defer { library.unref(handle) }
        guard let surface = library.surfaceCreate(1 /* CAIRO_FORMAT_RGB24 */, pixelWidth, pixelHeight) else { return nil }
        defer { library.surfaceDestroy(surface) }
        guard let cairo = library.create(surface) else { return nil }
        library.setRGB(cairo, 1, 1, 1)
        library.paint(cairo)
        // RsvgRectangle: x, y, width, height as doubles.
        let viewport: [Double] = [0, 0, Double(pixelWidth), Double(pixelHeight)]
        let rendered = viewport.withUnsafeBytes { library.renderDocument(handle, cairo, $0.baseAddress, nil) }
        library.destroy(cairo)
        guard rendered != 0 else { return nil }
        library.surfaceFlush(surface)
        guard let pixels = library.surfaceData(surface),
            let png = PNGEncoder.encode(
                width: Int(pixelWidth), height: Int(pixelHeight),
                stride: Int(library.surfaceStride(surface)), pixels: pixels)
        else { return nil }
        return PNGImage(data: png, pixelWidth: Int(pixelWidth), pixelHeight: Int(pixelHeight))
    }
}
