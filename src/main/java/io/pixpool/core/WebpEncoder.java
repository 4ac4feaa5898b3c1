package io.pixpool.core;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes WebP with libwebp through {@code com.github.usefulness:webp-imageio}, whose jar carries the native library
 * for Linux, Windows and macOS (x86_64 and arm64) and extracts it to the temp folder on first use. When it cannot be
 * loaded (unknown platform, no writable temp folder) each WebP output fails with a short message; nothing else is
 * affected.
 * <p>
 * That jar also registers a WebP <em>reader</em>; sources keep being read by TwelveMonkeys (pure Java, which the
 * decoder's subsampling and error handling were built on), so {@link #keepTwelveMonkeysReader()} removes it from
 * ImageIO after the plugins were scanned.
 */
final class WebpEncoder {

    private WebpEncoder() {
    }

    /** Deregisters the libwebp reader so WebP sources go to TwelveMonkeys alone. Idempotent. */
    static void keepTwelveMonkeysReader() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ImageReaderSpi luciad = registry.getServiceProviderByClass(WebPImageReaderSpi.class);
        if (luciad != null) registry.deregisterServiceProvider(luciad, ImageReaderSpi.class);
    }

    /**
     * Encodes {@code img} (INT_RGB or INT_ARGB) as lossless WebP or lossy at {@code quality} 1..100.
     *
     * @throws IllegalStateException with a user-facing message when the native encoder cannot be loaded
     */
    static void write(BufferedImage img, int quality, boolean lossless, OutputStream target) throws IOException {
        ImageWriter writer = new WebPImageWriterSpi().createWriterInstance();
        try {
            ImageWriteParam param = param(writer, quality, lossless);
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(target)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, null), param);
            }
            target.flush();
        } catch (LinkageError e) {
            throw unavailable(e);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriteParam param(ImageWriter writer, int quality, boolean lossless) {
        WebPWriteParam p;
        try {
            p = (WebPWriteParam) writer.getDefaultWriteParam(); // loads the native library
        } catch (LinkageError e) {
            throw unavailable(e);
        }
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        String[] types = p.getCompressionTypes();
        p.setCompressionType(types[lossless ? WebPWriteParam.LOSSLESS_COMPRESSION : WebPWriteParam.LOSSY_COMPRESSION]);
        // lossless: quality is the effort (speed/size trade-off), 75 is libwebp's default
        p.setCompressionQuality(lossless ? 0.75f : quality / 100f);
        return p;
    }

    private static IllegalStateException unavailable(LinkageError e) {
        return new IllegalStateException("the WebP encoder (libwebp) cannot be loaded on this system ("
                + System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + " " + System.getProperty("os.arch", "?")
                + "); choose another format", e);
    }
}
