package io.wharf.volume.client.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.util.Map;

/**
 * Docker's volume plugin protocol: {@code Plugin.Activate}, then {@code VolumeDriver.*} calls with
 * JSON bodies. A non-empty {@code Err} in a 200 answer is the plugin's message as is; another status
 * is {@code <method>: <Err>} (moby's plugin client).
 */
public final class VolumePlugin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final PluginAddress address;

    public VolumePlugin(String name, PluginAddress address) {
        this.name = name;
        this.address = address;
    }

    public String name() {
        return name;
    }

    public PluginAddress address() {
        return address;
    }

    /** Plugin.Activate: the plugin must implement VolumeDriver. */
    public void activate() {
        JsonNode answer = call("Plugin.Activate", JSON.createObjectNode());
        for (JsonNode implemented : answer.path("Implements")) {
            if (implemented.asText().equals("VolumeDriver")) {
                return;
            }
        }
        throw WharfException.notFound("error looking up volume plugin " + name + ": plugin \"" + name
                + "\" does not implement VolumeDriver");
    }

    public void create(String volume, Map<String, String> opts) {
        ObjectNode body = JSON.createObjectNode().put("Name", volume);
        ObjectNode o = body.putObject("Opts");
        opts.forEach(o::put);
        checked("VolumeDriver.Create", body);
    }

    public void remove(String volume) {
        checked("VolumeDriver.Remove", JSON.createObjectNode().put("Name", volume));
    }

    public String mount(String volume, String id) {
        return checked("VolumeDriver.Mount", JSON.createObjectNode().put("Name", volume).put("ID", id))
                .path("Mountpoint").asText("");
    }

    public void unmount(String volume, String id) {
        checked("VolumeDriver.Unmount", JSON.createObjectNode().put("Name", volume).put("ID", id));
    }

    public String path(String volume) {
        return checked("VolumeDriver.Path", JSON.createObjectNode().put("Name", volume)).path("Mountpoint").asText("");
    }

    /** VolumeDriver.Get: {@code {"Volume": {"Name","Mountpoint","CreatedAt","Status"}}}. */
    public JsonNode get(String volume) {
        return checked("VolumeDriver.Get", JSON.createObjectNode().put("Name", volume)).path("Volume");
    }

    public JsonNode list() {
        return checked("VolumeDriver.List", JSON.createObjectNode()).path("Volumes");
    }

    /** {@code local} unless the plugin says {@code global}; a plugin without the call is local. */
    public String scope() {
        try {
            String scope = call("VolumeDriver.Capabilities", JSON.createObjectNode()).path("Capabilities")
                    .path("Scope").asText("local");
            return scope.equals("global") ? "global" : "local";
        } catch (WharfException e) {
            return "local";
        }
    }

    private JsonNode checked(String method, ObjectNode body) {
        JsonNode answer = call(method, body);
        String err = answer.path("Err").asText("");
        if (!err.isEmpty()) {
            throw new WharfException(io.wharf.common.error.ErrorKind.SYSTEM, err);
        }
        return answer;
    }

    private JsonNode call(String method, ObjectNode body) {
        PluginHttp.Answer answer;
        try {
            answer = PluginHttp.post(address, "/" + method, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw WharfException.system(method + ": " + name + ": " + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            json = null;
        }
        if (answer.status() != 200) {
            String err = json != null && json.hasNonNull("Err") ? json.get("Err").asText() : answer.body().strip();
            throw WharfException.system(method + ": " + err, null);
        }
        if (json == null) {
            throw WharfException.system(method + ": " + name + " answered no JSON", null);
        }
        return json;
    }
}
