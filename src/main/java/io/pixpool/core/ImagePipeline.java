package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.imgscalr.Scalr;

/**
 * The image pipeline: decode, orient, resize, filter, encode to a temporary file in the output folder.
 * FIRST CUT: only FIT is honoured and no guards exist yet; the full pipeline replaces this class body.
 */
public final class ImagePipeline {

    /** Runs the job and leaves a complete temp file named with {@code tempPrefix} in the job's output folder. */
    public EncodedImage process(ImageJob job, String tempPrefix) throws ImageException {
        Recipe r = job.recipe();
        BufferedImage src = render(job.source(), r);
        OutputFormat fmt = r.output().format() == OutputFormat.SAME
                ? OutputFormat.forSourceName(job.source().getFileName().toString()) : r.output().format();
        String name = NamePattern.render(r.output().namePattern(), job.source().getFileName().toString(),
                src.getWidth(), src.getHeight(), job.counter(), fmt.extension());
        try {
            Files.createDirectories(job.outputDir());
            Path tmp = Files.createTempFile(job.outputDir(), tempPrefix, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (!ImageIO.write(src, fmt.imageIoName(), out)) throw new ImageException("no writer for " + fmt.id());
            }
            return new EncodedImage(tmp, name, 0, 0, src.getWidth(), src.getHeight(), Files.size(job.source()),
                    Files.size(tmp));
        } catch (IOException e) {
            throw new ImageException("cannot write output: " + e.getMessage(), e);
        }
    }

    /** Decodes and transforms the source without writing anything (also used for the window's preview). */
    public BufferedImage render(Path source, Recipe recipe) throws ImageException {
        try {
            BufferedImage img = ImageIO.read(source.toFile());
            if (img == null) throw new ImageException("not an image");
            ResizeSpec rs = recipe.resize();
            if (rs.mode() == ResizeMode.FIT) {
                img = Scalr.resize(img, Scalr.Method.QUALITY, rs.width(), rs.height());
            }
            return img;
        } catch (IOException e) {
            throw new ImageException("cannot read: " + e.getMessage(), e);
        }
    }
}
