package org.qingyuan.evidence.internal;

/**
 * The main class of {@link LocalS3}'s child JVM: runs S3Proxy's own {@code org.gaul.s3proxy.Main} and exits as soon as
 * its standard input ends, which happens when the test JVM ends in any way (also {@code kill -9} or a Surefire
 * timeout), so no S3Proxy outlives the build. Alone on the child's class path beside S3Proxy's jar.
 */
public final class S3ProxyChild {

    private S3ProxyChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; only the end of the stream matters
                }
            } catch (java.io.IOException e) {
                // the pipe broke: the parent is gone as well
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
