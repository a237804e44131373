package io.wharf.gateway.config;

import io.smallrye.config.ConfigMapping;

/** Base URLs of the services' internal REST APIs. */
@ConfigMapping(prefix = "wharf.services")
public interface ServiceEndpoints {
    String container();

    String image();

    String network();

    String volume();
}
