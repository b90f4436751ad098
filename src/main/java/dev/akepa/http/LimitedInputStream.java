package dev.akepa.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes were read, so a body without Content-Length cannot grow unbounded. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) advance(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) advance(n);
        return n;
    }

    private void advance(long n) throws LimitExceeded {
        count += n;
        if (count > limit) throw new LimitExceeded();
    }

    public static final class LimitExceeded extends IOException {
        public LimitExceeded() {
            super("size limit exceeded", null);
        }
    }
}
