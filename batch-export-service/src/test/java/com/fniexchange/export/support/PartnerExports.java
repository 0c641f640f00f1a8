package com.fniexchange.export.support;

import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.partner.PartnerSettings;
import org.springframework.boot.test.context.TestComponent;

/** Onboards test partners straight through PartnerOnboarding (not the ops API) so that a test can run their exports. */
@TestComponent
public record PartnerExports(PartnerOnboarding onboarding, ExportLauncher launcher) {

    public PartnerExport onboard(Partner partner) {
        return onboard(partner.id(), partner.settings());
    }

    /** For settings no {@link Partner} describes (a foreign host key, no Blob). */
    public PartnerExport onboard(String partnerId, PartnerSettings settings) {
        onboarding.save(partnerId, settings, "test");
        return new PartnerExport(partnerId, settings.registers(), launcher);
    }
}
