package dev.dockerhubmcp.host;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin API version this host provides (checked against each jar's Plugin-Requires) and the server version. */
public final class Versions {
    private Versions() {
    }

    public static String api() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/dockerhubmcp/api/api.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to the default
        }
        return p.getProperty("version", "0.0.0");
    }

    public static String server() {
        return api();
    }
}
