package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Docker image config (application/vnd.docker.container.image.v1+json), in the field order
 * moby marshals it. Its exact bytes are what the image id is the digest of.
 */
@JsonPropertyOrder({"comment", "created", "author", "config", "architecture", "os", "rootfs", "history"})
public class ImageConfig {
    @JsonProperty("comment")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String comment;
    @JsonProperty("created")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String created;
    @JsonProperty("author")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String author;
    @JsonProperty("config")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public ContainerConfig config;
    @JsonProperty("architecture")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String architecture;
    @JsonProperty("os")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String os;
    @JsonProperty("rootfs")
    public RootFs rootfs;
    @JsonProperty("history")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<HistoryEntry> history;

    private final Map<String, Object> other = new LinkedHashMap<>();

    @JsonAnySetter
    void setOther(String key, Object value) {
        other.put(key, value);
    }

    @JsonAnyGetter
    Map<String, Object> other() {
        return other;
    }

    /** moby's {@code container}: the id of the container a committed image was made from. */
    public void setContainer(String containerId) {
        other.put("container", containerId);
    }

    /** The labels of the image's config, never null. */
    public Map<String, String> labels() {
        return config == null || config.labels == null ? Map.of() : config.labels;
    }
}
