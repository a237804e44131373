package io.wharf.image.service;

import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.ImageEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Image events with moby's actor and attributes: the actor id is the image id; attributes are the
 * image's labels plus {@code name}, which is the familiar reference for {@code tag} and the image id
 * for {@code import}, {@code untag} and {@code delete} (as moby's LogImageEvent callers pass it).
 * Every method must run inside the transaction that makes the change (transactional outbox).
 */
@ApplicationScoped
public class ImageEvents {
    private final EventPublisher publisher;

    public ImageEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void imported(ImageEntity image) {
        publish(Actions.IMPORT, image, image.id, true);
    }

    public void tagged(ImageEntity image, Reference reference) {
        publish(Actions.TAG, image, reference.familiar(), true);
    }

    public void untagged(ImageEntity image) {
        publish(Actions.UNTAG, image, image.id, true);
    }

    /**
     * {@code pull} and {@code push}: moby names the actor by the reference as given (familiar form), not by
     * image id, with the image's labels when it is known locally.
     */
    public void registry(String action, ImageEntity image, Reference reference) {
        Map<String, String> attributes = new HashMap<>();
        if (image != null) {
            attributes.putAll(ImageConfigJson.read(image.configJson).labels());
        }
        attributes.put("name", reference.familiar());
        publisher.publish(EventType.IMAGE, action, reference.familiar(), attributes);
    }

    /** {@code docker load}: one per image, named by its id, after its tags. */
    public void loaded(ImageEntity image) {
        publish(Actions.LOAD, image, image.id, true);
    }

    /** {@code docker save}: one per image written. */
    public void saved(ImageEntity image) {
        publish(Actions.SAVE, image, image.id, true);
    }

    /** {@code docker image prune}: one event for the whole prune, with the space it freed. */
    public void pruned(long reclaimed) {
        publisher.publish(EventType.IMAGE, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    }

    /** Moby logs delete once the image is gone, so without its labels. */
    public void deleted(ImageEntity image) {
        publish(Actions.DELETE, image, image.id, false);
    }

    private void publish(String action, ImageEntity image, String name, boolean withLabels) {
        Map<String, String> attributes = new HashMap<>();
        if (withLabels) {
            attributes.putAll(ImageConfigJson.read(image.configJson).labels());
        }
        attributes.put("name", name);
        publisher.publish(EventType.IMAGE, action, image.id, attributes);
    }
}
