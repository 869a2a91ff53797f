package org.qingyuan.complaint.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;

/** QR codes drawn on the server (Nayuki's qrcodegen, no outside service): a PNG with a quiet zone of four modules. */
public final class QrCodes {

    private QrCodes() {
    }

    public static byte[] png(String text, int scale) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = (qr.size + border * 2) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = qr.getModule(x / scale - border, y / scale - border);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
