package org.qingyuan.organisation.web;

import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.organisation.Liaison;
import org.qingyuan.organisation.internal.CampaignOffice;
import org.qingyuan.organisation.internal.LeadingGroupMember;
import org.qingyuan.organisation.internal.Organisation;
import org.qingyuan.organisation.internal.ReportingUnit;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation as JSON under {@code /api/v1/organisation}: the leading group, its office and every reporting unit
 * of the caller's jurisdiction with its liaison ({@code unitsWithoutLiaison} lists those that named none).
 */
@RestController
@RequestMapping("/api/v1/organisation")
class OrganisationApiController {

    private final Organisation organisation;

    OrganisationApiController(Organisation organisation) {
        this.organisation = organisation;
    }

    record LiaisonJson(String section, String name, String post, String phone, Integer version) {
        static LiaisonJson of(Liaison l) {
            return l == null ? null : new LiaisonJson(l.section(), l.name(), l.post(), l.phone(), l.version());
        }
    }

    record UnitJson(String key, String name, String kind, String kindName, LiaisonJson liaison) {
        static UnitJson of(ReportingUnit u) {
            return new UnitJson(u.key(), u.name(), u.kind().name(), u.kind().label(), LiaisonJson.of(u.liaison()));
        }
    }

    record MemberJson(Long id, String role, String roleName, String person, String unit, String post, Integer version) {
        static MemberJson of(LeadingGroupMember m) {
            return new MemberJson(m.id(), m.role().name(), m.role().label(), m.person(), m.unit(), m.post(), m.version());
        }
    }

    record OfficeJson(String location, String director, String phone, Integer version) {
        static OfficeJson of(CampaignOffice o) {
            return new OfficeJson(o.location(), o.director(), o.phone(), o.version());
        }
    }

    record RemovalJson(Integer version, String reason) {
    }

    record OrganisationJson(List<MemberJson> leadingGroup, OfficeJson office, List<UnitJson> units,
                            List<String> unitsWithoutLiaison) {
    }

    @GetMapping
    OrganisationJson get() {
        CurrentUser user = CurrentUsers.require();
        List<ReportingUnit> units = organisation.units(user);
        return new OrganisationJson(organisation.members(user).stream().map(MemberJson::of).toList(),
                OfficeJson.of(organisation.office(user)), units.stream().map(UnitJson::of).toList(),
                units.stream().filter(u -> !u.hasLiaison()).map(ReportingUnit::key).toList());
    }

    @PutMapping("/liaisons/{unit}")
    LiaisonJson saveLiaison(@PathVariable String unit, @RequestBody LiaisonJson body) {
        return LiaisonJson.of(organisation.saveLiaison(CurrentUsers.require(), unit, version(body.version()),
                new Organisation.LiaisonInput(body.section(), body.name(), body.post(), body.phone())));
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberJson addMember(@RequestBody MemberJson body) {
        return MemberJson.of(organisation.addMember(CurrentUsers.require(), input(body)));
    }

    @PutMapping("/members/{id}")
    MemberJson updateMember(@PathVariable long id, @RequestBody MemberJson body) {
        return MemberJson.of(organisation.updateMember(CurrentUsers.require(), id, version(body.version()), input(body)));
    }

    @PostMapping("/members/{id}/removal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable long id, @RequestBody RemovalJson body) {
        organisation.removeMember(CurrentUsers.require(), id, version(body.version()), body.reason());
    }

    @PutMapping("/office")
    OfficeJson saveOffice(@RequestBody OfficeJson body) {
        return OfficeJson.of(organisation.saveOffice(CurrentUsers.require(), version(body.version()), body.location(),
                body.director(), body.phone()));
    }

    private static Organisation.MemberInput input(MemberJson body) {
        return new Organisation.MemberInput(RequestValues.enumOf(LeadingGroupMember.Role.class, "role", body.role()),
                body.person(), body.unit(), body.post());
    }

    /** The version the change starts from: 0 for something not recorded yet. */
    static int version(Integer version) {
        if (version == null || version < 0) {
            throw new InvalidInputException("version", "缺少版本号（新建时为 0），请刷新后重试");
        }
        return version;
    }
}
