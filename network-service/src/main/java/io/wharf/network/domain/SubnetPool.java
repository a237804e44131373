package io.wharf.network.domain;

import io.wharf.common.error.WharfException;
import java.util.Collection;

/**
 * The address pool user-defined networks get their subnet from when they name none (as dockerd's
 * default-address-pools): the first block of {@code size} bits that overlaps no existing network.
 */
public record SubnetPool(Cidr base, int size) {

    public Cidr next(Collection<Cidr> existing) {
        long step = 1L << (32 - size);
        for (long n = base.first(); n + step - 1 <= base.last(); n += step) {
            Cidr candidate = new Cidr(n, size);
            if (existing.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        throw WharfException.invalid("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }
}
