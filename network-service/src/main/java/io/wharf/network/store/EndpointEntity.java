package io.wharf.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A container's endpoint on a network, holding its address lease: the unique constraints make sure no
 * address is given twice on a network and a container joins a network once.
 */
@Entity
@Table(name = "endpoints", uniqueConstraints = {
        @UniqueConstraint(name = "endpoints_address", columnNames = {"networkId", "address"}),
        @UniqueConstraint(name = "endpoints_container", columnNames = {"networkId", "containerId"})})
public class EndpointEntity {
    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 64)
    public String networkId;

    @Column(nullable = false, length = 64)
    public String containerId;

    @Column(nullable = false, length = 256)
    public String containerName;

    /** The IPv4 address as an unsigned 32-bit value; 0 on networks without addresses (host, none). */
    public long address;

    @Column(length = 32)
    public String macAddress;

    /** JSON array of the endpoint's DNS aliases. */
    @Column(length = 65_536)
    public String aliasesJson;
}
