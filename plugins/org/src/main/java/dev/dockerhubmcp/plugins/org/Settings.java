package dev.dockerhubmcp.plugins.org;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerhubmcp.api.Schema;

/** The spec's {@code orgSettings} / {@code restricted_images} shapes. */
final class Settings {
    private Settings() {
    }

    static Schema.ObjectBuilder restrictedImages() {
        return Schema.object()
            .required("enabled", Schema.bool("Restrict the images members may use"))
            .required("allow_official_images", Schema.bool("When restricted: still allow Docker Official Images"))
            .required("allow_verified_publishers", Schema.bool("When restricted: still allow Verified Publisher "
                + "images"));
    }

    static ObjectNode output() {
        return Schema.object()
            .optional("restricted_images", Schema.objectProp(restrictedImages().allowAdditional(),
                "Image-access restriction (used on business subscriptions)"))
            .allowAdditional().build();
    }
}
