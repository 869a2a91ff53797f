package org.qingyuan.ledger;

import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;

/** The details of a merged enterprise: the survivor's, with its empty fields and unknown facts taken from the duplicate. */
final class MergedDetails {

    private MergedDetails() {
    }

    static EnterpriseDetails fill(EnterpriseDetails s, EnterpriseDetails d) {
        Identity si = s.identity();
        Identity di = d.identity();
        Place sp = s.place();
        Place dp = d.place();
        Business sb = s.business();
        Business db = d.business();
        Facts facts = s.facts();
        for (Fact fact : Fact.values()) {
            if (!facts.get(fact).known() && d.facts().get(fact).known()) {
                facts = facts.with(fact, d.facts().get(fact));
            }
        }
        for (var declared : d.facts().declared().entrySet()) {
            if (!facts.get(declared.getKey()).known()) {
                facts = facts.with(declared.getKey(), declared.getValue());
            }
        }
        boolean noPlace = sp.longitude() == null;
        return new EnterpriseDetails(
                new Identity(si.name(), or(si.creditCode(), di.creditCode()), or(si.operator(), di.operator()),
                        or(si.contactPerson(), di.contactPerson()), or(si.contactPhone(), di.contactPhone())),
                new Place(sp.division(), or(sp.address(), dp.address()), noPlace ? dp.longitude() : sp.longitude(),
                        noPlace ? dp.latitude() : sp.latitude()),
                new Business(or(sb.industry(), db.industry()), or(sb.keyIndustry(), db.keyIndustry()),
                        or(sb.eightSmall(), db.eightSmall()), or(sb.products(), db.products()),
                        or(sb.rawMaterials(), db.rawMaterials()), or(sb.equipmentModels(), db.equipmentModels()),
                        or(sb.employees(), db.employees()), or(sb.outputValue(), db.outputValue()),
                        or(sb.premises(), db.premises()), or(sb.landlord(), db.landlord())),
                facts,
                new Campaign(s.campaign().type(), s.campaign().discovery(),
                        s.campaign().reportedOn().isAfter(d.campaign().reportedOn()) ? d.campaign().reportedOn() : s.campaign().reportedOn(),
                        s.campaign().remarks() == null ? d.campaign().remarks()
                                : d.campaign().remarks() == null ? s.campaign().remarks()
                                : s.campaign().remarks() + "；" + d.campaign().remarks()));
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }
}
