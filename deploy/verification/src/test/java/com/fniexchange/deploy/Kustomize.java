package com.fniexchange.deploy;

import java.util.List;

/** How deploy/k8s is rendered, here and in deploy/k8s/README.md's commands. */
final class Kustomize {

    private Kustomize() {
    }

    /**
     * Flags given to {@code kubectl kustomize} before the folder. The local overlay's PostgreSQL
     * loads deploy/db/service-roles.sql, outside the overlay, which kustomize loads only when told.
     */
    static List<String> flagsFor(String kustomization) {
        return kustomization.equals("overlays/local") ? List.of("--load-restrictor", "LoadRestrictionsNone") : List.of();
    }
}
