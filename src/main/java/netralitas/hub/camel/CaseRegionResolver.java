package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.region.RegionResolver;

/** Route {@code route}: decides the region before the content-based router reads it (SPEC §6). */
public final class CaseRegionResolver {

    private final RegionResolver resolver;

    public CaseRegionResolver(RegionResolver resolver) {
        this.resolver = resolver;
    }

    public ViolationCase resolve(ViolationCase violationCase) {
        violationCase.setRegionResolution(resolver.resolve(violationCase.getReport(), violationCase.getEmployee()));
        return violationCase;
    }
}
