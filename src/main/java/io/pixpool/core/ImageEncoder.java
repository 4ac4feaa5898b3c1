package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes an INT_RGB/ARGB image in one of the output formats. Alpha is flattened onto the background colour for
 * formats without it (JPEG, BMP). JPEG and lossy WebP use the given quality; TIFF is LZW-compressed; GIF gets a palette built by
 * the JDK writer (transparent pixels stay transparent).
 */
final class ImageEncoder {

    static {
        ImageDecoder.init();
    }

    private ImageEncoder() {
    }

    static void write(BufferedImage img, OutputFormat format, OutputSpec spec, OutputStream target) throws IOException {
        if (format == OutputFormat.SAME) throw new IllegalArgumentException("resolve SAME before encoding");
        BufferedImage out = format.supportsAlpha() ? Pixels.toIntRgb(img) : Pixels.flatten(img, spec.background());
        if (format == OutputFormat.WEBP) {
            WebpEncoder.write(out, spec.jpegQuality(), spec.options().webpLossless(), target);
            return;
        }
        if (format == OutputFormat.JPG) out = Pixels.toRgbBytes(out);
        ImageWriter writer = writer(format, out);
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == OutputFormat.JPG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(spec.jpegQuality() / 100f);
            } else if (format == OutputFormat.TIFF && param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("LZW");
            }
            OutputStream buffered = new BufferedOutputStream(target, 1 << 16);
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(buffered)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(out, null, null), param);
            }
            buffered.flush();
        } finally {
            writer.dispose();
        }
    }

    /** The JDK's own writer where there is one (predictable, fast), else any that can encode the image. */
    private static ImageWriter writer(OutputFormat format, BufferedImage img) throws IOException {
        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(img);
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWriters(type, format.imageIoName()); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) {
                if (fallback != null) fallback.dispose();
                return w;
            }
            if (fallback == null) fallback = w;
            else w.dispose();
        }
        if (fallback == null) throw new IOException("no " + format.id() + " writer for this kind of image");
        return fallback;
    }
}
