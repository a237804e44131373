package io.wharf.container.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.store.ContainerEntity;
import java.util.Comparator;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

/** Every container row with its image id; a container being removed still counts until its row is gone. */
@ApplicationScoped
public class ImageUsage {

    /** One container using an image. */
    public record User(@JsonProperty("Id") String id, @JsonProperty("ImageID") String imageId,
            @JsonProperty("Running") boolean running) {
    }

    private final ContainerLookup lookup;

    public ImageUsage(ContainerLookup lookup) {
        this.lookup = lookup;
    }

    public List<User> users() {
        return lookup.all().stream()
                .map(ImageUsage::user)
                .sorted(Comparator.comparing(User::running).reversed())
                .toList();
    }

    private static User user(ContainerEntity c) {
        return new User(c.id, c.imageId, c.state == ContainerState.RUNNING);
    }
}
