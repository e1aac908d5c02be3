package dev.dockerhubmcp.plugins.org;

import dev.dockerhubmcp.api.Action;
import dev.dockerhubmcp.api.DockerHubPlugin;
import org.pf4j.Extension;

import java.util.List;

/** {@code hub_org}: organization settings, members and invites. */
@Extension
public final class OrgPlugin implements DockerHubPlugin {

    @Override
    public String id() {
        return "org";
    }

    @Override
    public String description() {
        return "Docker Hub organizations: image-access settings, members (list, CSV export, role, removal) and "
            + "invites (list, bulk invite with dry run, resend, cancel).";
    }

    @Override
    public List<Action> actions() {
        return List.of(
            GetSettings.ACTION,
            UpdateSettings.ACTION,
            ListMembers.ACTION,
            ExportMembers.ACTION,
            UpdateMember.ACTION,
            RemoveMember.ACTION,
            ListInvites.ACTION,
            DeleteInvite.ACTION,
            ResendInvite.ACTION,
            BulkInvite.ACTION);
    }
}
