package io.pixpool.core;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.color.ICC_Profile;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Applies a {@link Decoration} to a finished (resized, oriented, cropped, filtered) image: pad to the box, draw the
 * image and text watermarks with antialiasing, frame with the border. The result is a new INT_RGB image (INT_ARGB
 * when the input has alpha, whose transparency is kept inside the image's own area).
 */
final class Decorator {

    private Decorator() {
    }

    static BufferedImage apply(BufferedImage img, Recipe r) throws ImageException {
        return apply(img, r, null);
    }

    /**
     * @param space the RGB profile the image's values are in when it is kept (not converted to sRGB), else null:
     *              the colours and the logo (given in sRGB) are converted into it, so they look as chosen
     */
    static BufferedImage apply(BufferedImage img, Recipe r, ICC_Profile space) throws ImageException {
        Decoration d = r.decoration();
        if (d.isNone()) return img;
        if (space != null) d = inSpace(d, space);
        int w = d.width(img.getWidth());
        int h = d.height(img.getHeight());
        long pixels = (long) w * h;
        if (pixels > r.maxPixels() || pixels > Integer.MAX_VALUE - 64) {
            throw new ImageException(String.format(Locale.ROOT, "output with padding and border would be %dx%d,"
                    + " above the %d pixel limit", w, h, r.maxPixels()));
        }
        BufferedImage src = Pixels.toIntRgb(img);
        boolean alpha = src.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int b = d.border() == null ? 0 : d.border().width();
        int iw = w - 2 * b;
        int ih = h - 2 * b;
        Graphics2D g = out.createGraphics();
        try {
            quality(g);
            if (d.border() != null) {
                g.setColor(new Color(d.border().color()));
                g.fillRect(0, 0, w, h);
            }
            g.translate(b, b);
            g.clipRect(0, 0, iw, ih);
            place(g, src, d.pad(), iw, ih, r.quality());
            if (d.image() != null) drawImage(g, d.image(), iw, ih, r.quality(), space);
            if (d.text() != null) drawText(g, d.text(), iw, ih);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The decoration with its sRGB colours expressed in {@code space}. */
    private static Decoration inSpace(Decoration d, ICC_Profile space) {
        if (d.pad() != null) {
            d = d.withPad(new Padding(d.pad().width(), d.pad().height(), ColourConverter.fromSrgb(d.pad().color(), space)));
        }
        if (d.border() != null) {
            d = d.withBorder(new Border(d.border().width(), ColourConverter.fromSrgb(d.border().color(), space)));
        }
        if (d.text() != null) d = d.withText(d.text().withColor(ColourConverter.fromSrgb(d.text().color(), space)));
        return d;
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /** The image itself, alone or centred on the pad colour (shrunk first if it is larger than the box). */
    private static void place(Graphics2D g, BufferedImage src, Padding pad, int iw, int ih, ScaleQuality q) {
        BufferedImage img = src;
        int x = 0;
        int y = 0;
        if (pad != null) {
            g.setColor(new Color(pad.color()));
            g.fillRect(0, 0, iw, ih);
            if (img.getWidth() > iw || img.getHeight() > ih) {
                double f = Math.min((double) iw / img.getWidth(), (double) ih / img.getHeight());
                int nw = Math.max(1, Math.min(iw, (int) Math.round(img.getWidth() * f)));
                int nh = Math.max(1, Math.min(ih, (int) Math.round(img.getHeight() * f)));
                img = Resizer.scale(img, nw, nh, q);
            }
            x = (iw - img.getWidth()) / 2;
            y = (ih - img.getHeight()) / 2;
        }
        g.setComposite(AlphaComposite.Src);
        g.drawImage(img, x, y, null);
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static int margin(double percent, int w, int h) {
        return (int) Math.round(percent / 100 * Math.min(w, h));
    }

    private static void drawImage(Graphics2D g, ImageMark m, int w, int h, ScaleQuality q, ICC_Profile space)
            throws ImageException {
        BufferedImage logo = MarkImages.load(m.file());
        if (space != null) logo = ColourConverter.fromSrgb(logo, space);
        int mw = Math.max(1, (int) Math.round(m.scalePercent() / 100 * w));
        int mh = Math.max(1, (int) Math.round((double) logo.getHeight() * mw / logo.getWidth()));
        BufferedImage scaled = Resizer.scale(logo, mw, mh, q);
        int margin = margin(m.marginPercent(), w, h);
        g.setComposite(AlphaComposite.SrcOver.derive((float) m.opacity()));
        g.drawImage(scaled, m.anchor().x(w, mw, margin), m.anchor().y(h, mh, margin), null);
        g.setComposite(AlphaComposite.SrcOver);
    }

    /**
     * The text's ink (not its line box) is placed on the grid, so the margin is the same for every font; text
     * wider than the image between the margins is made smaller until it fits.
     */
    private static void drawText(Graphics2D g, TextMark m, int w, int h) {
        int margin = margin(m.marginPercent(), w, h);
        float size = (float) Math.max(1, m.sizePercent() / 100 * Math.min(w, h));
        Font font = new Font(m.font(), Font.PLAIN, 1).deriveFont(size);
        TextLayout layout = new TextLayout(m.text(), font, g.getFontRenderContext());
        Rectangle2D ink = layout.getBounds();
        int room = w - 2 * margin;
        if (ink.getWidth() > room && room > 0) {
            font = font.deriveFont((float) Math.max(1, size * room / ink.getWidth() * 0.98));
            layout = new TextLayout(m.text(), font, g.getFontRenderContext());
            ink = layout.getBounds();
        }
        int tw = (int) Math.ceil(ink.getWidth());
        int th = (int) Math.ceil(ink.getHeight());
        int x = m.anchor().x(w, tw, margin);
        int y = m.anchor().y(h, th, margin);
        g.setComposite(AlphaComposite.SrcOver.derive((float) m.opacity()));
        g.setColor(new Color(m.color()));
        layout.draw(g, (float) (x - ink.getX()), (float) (y - ink.getY()));
        g.setComposite(AlphaComposite.SrcOver);
    }
}
