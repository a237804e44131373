package io.wharf.image.rest;

import io.smallrye.common.annotation.Blocking;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.service.registry.DistributionService;
import io.wharf.image.service.registry.LoginService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code docker login} ({@code POST /internal/v1/auth}) and {@code GET /internal/v1/distribution?ref=}. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {
    private final LoginService login;
    private final DistributionService distribution;

    public RegistryResource(LoginService login, DistributionService distribution) {
        this.login = login;
        this.distribution = distribution;
    }

    @POST
    @Path("auth")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Map<String, String> auth(byte[] body) {
        login.login(AuthConfig.parse(body == null || body.length == 0 ? "{}".getBytes() : body));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Status", "Login Succeeded");
        answer.put("IdentityToken", "");
        return answer;
    }

    @GET
    @Path("distribution")
    @Blocking
    public Map<String, Object> distribution(@QueryParam("ref") String ref, @HeaderParam("X-Registry-Auth") String auth) {
        return distribution.inspect(ref, AuthConfig.fromHeader(auth));
    }
}
