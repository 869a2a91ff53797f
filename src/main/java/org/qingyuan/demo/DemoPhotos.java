package org.qingyuan.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Draws simple site photos for demo data and tests: a workshop with a smoking chimney before
 * clearing, an empty lot after, with the EXIF capture time (China time) and GPS position a
 * phone would write. Headless; no fonts beyond the JDK's are needed.
 */
public final class DemoPhotos {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private DemoPhotos() {
    }

    /**
     * A JPEG of 640×480.
     *
     * @param cleared true for the empty lot after clearing
     * @param seed varies colours and shapes
     * @param takenAt EXIF DateTimeOriginal, or null for none
     * @param latitude GPS latitude (WGS-84), or null for none
     */
    public static byte[] sitePhoto(boolean cleared, long seed, String caption, Instant takenAt, Double latitude, Double longitude) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(150 + random.nextInt(60), 180 + random.nextInt(40), 220), 0, 300,
                new Color(225, 230, 235)));
        g.fillRect(0, 0, 640, 300);
        g.setColor(new Color(120 + random.nextInt(40), 110 + random.nextInt(30), 90));
        g.fillRect(0, 300, 640, 180);
        if (cleared) {
            g.setColor(new Color(140, 130, 110));
            for (int i = 0; i < 40; i++) {
                g.fillOval(random.nextInt(640), 310 + random.nextInt(160), 6 + random.nextInt(14), 4 + random.nextInt(8));
            }
            g.setColor(new Color(60, 120, 60));
            g.setStroke(new BasicStroke(3));
            g.drawRect(60, 230, 520, 140);
        } else {
            int x = 80 + random.nextInt(120);
            g.setColor(new Color(170 + random.nextInt(50), 170, 160));
            g.fillRect(x, 180, 300, 150);
            g.setColor(new Color(70, 90 + random.nextInt(60), 140));
            g.fillPolygon(new int[]{x - 20, x + 150, x + 320}, new int[]{180, 120, 180}, 3);
            g.setColor(new Color(90, 80, 80));
            g.fillRect(x + 230, 70, 26, 130);
            g.setColor(new Color(90, 90, 90, 140));
            for (int i = 0; i < 6; i++) {
                g.fillOval(x + 220 + i * 18, 40 - i * 8, 50 + i * 6, 34 + i * 4);
            }
            g.setColor(new Color(40, 40, 40));
            g.fillRect(x + 40, 250, 60, 80);
        }
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRect(0, 440, 640, 40);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString((cleared ? "AFTER " : "BEFORE ") + (caption == null ? "" : caption), 12, 466);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withExif(out.toByteArray(), takenAt, latitude, longitude);
    }

    /** Inserts an EXIF segment (capture time, GPS) right after the JPEG's start-of-image marker. */
    public static byte[] withExif(byte[] jpeg, Instant takenAt, Double latitude, Double longitude) {
        if (takenAt == null && latitude == null) {
            return jpeg;
        }
        byte[] tiff = tiff(takenAt, latitude, longitude);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + tiff.length + 10);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (tiff.length + 8));
        out.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        out.put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private static byte[] tiff(Instant takenAt, Double latitude, Double longitude) {
        boolean gps = latitude != null && longitude != null;
        ByteBuffer b = ByteBuffer.allocate(256);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        int ifd0Entries = (takenAt != null ? 1 : 0) + (gps ? 1 : 0);
        int exifIfd = 8 + 2 + ifd0Entries * 12 + 4;
        int timeData = exifIfd + 2 + 12 + 4;
        int gpsIfd = takenAt != null ? timeData + 20 : exifIfd;
        int gpsData = gpsIfd + 2 + 5 * 12 + 4;
        b.putShort((short) ifd0Entries);
        if (takenAt != null) {
            entry(b, 0x8769, 4, 1, exifIfd);
        }
        if (gps) {
            entry(b, 0x8825, 4, 1, gpsIfd);
        }
        b.putInt(0);
        if (takenAt != null) {
            b.putShort((short) 1);
            entry(b, 0x9003, 2, 20, timeData);
            b.putInt(0);
            b.put((EXIF_TIME.format(takenAt) + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        if (gps) {
            b.putShort((short) 5);
            b.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[]{2, 3, 0, 0});
            b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[]{(byte) (latitude >= 0 ? 'N' : 'S'), 0, 0, 0});
            entry(b, 0x0002, 5, 3, gpsData);
            b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[]{(byte) (longitude >= 0 ? 'E' : 'W'), 0, 0, 0});
            entry(b, 0x0004, 5, 3, gpsData + 24);
            b.putInt(0);
            rationals(b, Math.abs(latitude));
            rationals(b, Math.abs(longitude));
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void rationals(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double minutesFull = (degrees - d) * 60;
        int m = (int) minutesFull;
        long s = Math.round((minutesFull - m) * 60 * 10000);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(10000);
    }
}
