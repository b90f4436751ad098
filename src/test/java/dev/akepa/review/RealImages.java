package dev.akepa.review;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small, decodable identity-document pictures (a browser must be able to show them), drawn with java.awt. */
final class RealImages {
    static final int WIDTH = 360;
    static final int HEIGHT = 226;

    private RealImages() {}

    /** {@code format}: "jpg" or "png". */
    static byte[] licence(String format, String side, String holder) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(side.equals("front") ? new Color(0xDCE8F7) : new Color(0xEFE6D5));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x2F5BD3));
            g.fillRect(0, 0, WIDTH, 34);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("DRIVER LICENSE · " + side.toUpperCase(), 14, 23);
            g.setColor(new Color(0x1D2433));
            if (side.equals("front")) {
                g.setColor(new Color(0xB8C4D6));
                g.fillRoundRect(16, 50, 96, 120, 10, 10);
                g.setColor(new Color(0x1D2433));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                g.drawString(holder, 128, 70);
                g.drawString("DOB 1990-04-12", 128, 94);
                g.drawString("EXP 2030-01-01", 128, 118);
            } else {
                for (int x = 16; x < WIDTH - 16; x += 6) g.fillRect(x, 60, (x / 6) % 3 + 1, 70);
                g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
                g.drawString("ID<<USA<<" + holder.toUpperCase().replace(' ', '<'), 16, 160);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
