package io.wharf.volume.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@ApplicationScoped
public class ReferenceRepository implements PanacheRepositoryBase<VolumeReference, String> {

    public List<String> containersOf(String volumeName) {
        return find("volumeName = ?1 order by containerId", volumeName).stream().map(r -> r.containerId).toList();
    }

    public List<VolumeReference> heldBy(String containerId) {
        return list("containerId", containerId);
    }

    /** Reference counts of every referenced volume. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (VolumeReference r : listAll()) {
            counts.merge(r.volumeName, 1, Integer::sum);
        }
        return counts;
    }
}
