package org.qingyuan.evidence.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG thumbnails of photos, upright by their EXIF orientation. The size is read from the
 * header first: a picture of more pixels than allowed is refused without decoding it (a small
 * PNG can declare 250000 × 800 pixels), and the rest are decoded subsampled to about twice the
 * thumbnail's size, so a 48-megapixel photo needs a few megabytes, not hundreds.
 */
final class Thumbnails {

    /** A thumbnail and the size of the original. */
    record Thumbnail(byte[] jpeg, int width, int height) {
    }

    /** The picture declares more pixels than allowed; nothing was decoded. */
    static final class TooManyPixels extends Exception {
        final int width;
        final int height;

        TooManyPixels(int width, int height) {
            super(null, null, false, false);
            this.width = width;
            this.height = height;
        }
    }

    /** The picture's header or data cannot be read (a JPEG header without image data, a truncated PNG). */
    static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    private Thumbnails() {
    }

    /** Null when the format cannot be decoded here (HEIC, WebP). */
    static Thumbnail of(Path file, int pixels, int orientation, long maxPixels) throws TooManyPixels, Unreadable {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new TooManyPixels(width, height);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // decode about twice the thumbnail's longer side; the thumbnail is scaled from that
                int step = Math.max(1, Math.max(width, height) / (pixels * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                boolean turned = orientation >= 5 && orientation <= 8;
                double scale = Math.min(1.0, (double) pixels / Math.max(image.getWidth(), image.getHeight()));
                int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
                BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = out.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setTransform(orient(orientation, w, h));
                g.drawImage(image, 0, 0, w, h, null);
                g.dispose();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageIO.write(out, "jpg", bytes);
                return new Thumbnail(bytes.toByteArray(), turned ? height : width, turned ? width : height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    private static AffineTransform orient(int orientation, int w, int h) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(-Math.PI / 2); }
            default -> { }
        }
        return t;
    }
}
