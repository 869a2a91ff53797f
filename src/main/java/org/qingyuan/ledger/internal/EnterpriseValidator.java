package org.qingyuan.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.Facts;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.CreditCode;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * The ledger's input rules, each failure a Chinese message naming its field: required fields,
 * credit code (GB 32100, early-pilot codes accepted with a warning), telephone numbers,
 * non-negative counts, plausible dates and coordinates, and a division inside the caller's
 * jurisdiction. Texts are trimmed and codes put in canonical form on the way.
 */
@Component
class EnterpriseValidator {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Divisions divisions;
    /** Divisions are reference data that do not change while running; a batch of thousands of rows asks for a few. */
    private final Map<DivisionCode, java.util.Optional<Division>> known = new java.util.concurrent.ConcurrentHashMap<>();

    private final DeclaredFacts declaredFacts;

    EnterpriseValidator(Divisions divisions, DeclaredFacts declaredFacts) {
        this.divisions = divisions;
        this.declaredFacts = declaredFacts;
    }

    /** The cleaned details with errors and warnings. */
    record Checked(EnterpriseDetails details, boolean creditCodeLegacy, List<FieldError> errors, List<FieldError> warnings) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    Checked check(EnterpriseDetails in, Scope scope, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();

        Identity id = in.identity();
        String name = text(id.name());
        if (name == null) {
            errors.add(new FieldError("name", "企业名称不能为空"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "企业名称不能超过 200 个字"));
        }
        String creditCode = null;
        boolean legacy = false;
        if (text(id.creditCode()) != null) {
            try {
                CreditCode code = CreditCode.parse(id.creditCode());
                creditCode = code.value();
                legacy = code.status() == CreditCode.Status.LEGACY;
                if (legacy) {
                    warnings.add(new FieldError("creditCode", code.warning()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("creditCode", e.getMessage()));
            }
        }
        String phone = phones(id.contactPhone(), errors);
        Identity identity = new Identity(name, creditCode, limited(id.operator(), "operator", "经营者", 100, errors),
                limited(id.contactPerson(), "contactPerson", "联系人", 100, errors), phone);

        Place place = place(in.place(), scope, errors);
        Business business = business(in.business(), errors);
        Facts facts = facts(in.facts(), today, errors);
        Campaign campaign = campaign(in.campaign(), today, errors);
        return new Checked(new EnterpriseDetails(identity, place, business, facts, campaign), legacy, errors, warnings);
    }

    private String phones(String raw, List<FieldError> errors) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        List<String> numbers = new ArrayList<>();
        for (String part : value.split("[,，、;；/]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                numbers.add(PhoneNumber.parse(part).value());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("contactPhone", "联系电话有误：" + e.getMessage()));
                return value;
            }
        }
        return String.join("、", numbers);
    }

    private Place place(Place in, Scope scope, List<FieldError> errors) {
        if (in.division() == null) {
            errors.add(new FieldError("divisionCode", "请选择所在村（社区）"));
        } else {
            Division division = known.computeIfAbsent(in.division(), divisions::find).orElse(null);
            if (division == null) {
                errors.add(new FieldError("divisionCode", "区划代码 " + in.division() + " 不存在"));
            } else if (!scope.covers(in.division())) {
                errors.add(new FieldError("divisionCode", "所在区划 " + in.division() + "（" + division.name()
                        + "）不在您的辖区 " + scope.division() + " 内"));
            } else if (division.level().compareTo(DivisionLevel.TOWN) < 0) {
                errors.add(new FieldError("divisionCode", "所在区划应具体到镇（街道）和村（社区）"));
            } else if (division.level() == DivisionLevel.TOWN && division.hasChildren()) {
                errors.add(new FieldError("divisionCode", "请选择到村（社区）：" + division.name() + "下设有村（社区）"));
            }
        }
        Double lon = in.longitude();
        Double lat = in.latitude();
        if ((lon == null) != (lat == null)) {
            errors.add(new FieldError(lon == null ? "longitude" : "latitude", "经度和纬度应同时填写"));
        } else if (lon != null) {
            if (lon < 73 || lon > 136 || lon.isNaN()) {
                errors.add(new FieldError("longitude", "经度应在 73 至 136 之间（WGS-84，中国境内）"));
            }
            if (lat < 3 || lat > 54 || lat.isNaN()) {
                errors.add(new FieldError("latitude", "纬度应在 3 至 54 之间（WGS-84，中国境内）"));
            }
        }
        return new Place(in.division(), limited(in.address(), "address", "企业地址", 300, errors), lon, lat);
    }

    private Business business(Business in, List<FieldError> errors) {
        Integer employees = in.employees();
        if (employees != null && employees < 0) {
            errors.add(new FieldError("employees", "用工人数不能为负数"));
        } else if (employees != null && employees > 100_000) {
            errors.add(new FieldError("employees", "用工人数超过 100000，请核对"));
        }
        BigDecimal output = in.outputValue();
        if (output != null && output.signum() < 0) {
            errors.add(new FieldError("outputValue", "产值（万元）不能为负数"));
        } else if (output != null && (output.scale() > 2 && output.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("outputValue", "产值（万元）最多两位小数"));
        } else if (output != null && output.compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.add(new FieldError("outputValue", "产值（万元）过大，请核对单位是否为万元"));
        }
        return new Business(in.industry(), in.keyIndustry(), in.eightSmall(),
                limited(in.products(), "products", "产品", 500, errors),
                limited(in.rawMaterials(), "rawMaterials", "原辅材料", 500, errors),
                limited(in.equipmentModels(), "equipmentModels", "设备型号", 1000, errors),
                employees, output, in.premises(), limited(in.landlord(), "landlord", "出租方", 200, errors));
    }

    private Facts facts(Facts in, LocalDate today, List<FieldError> errors) {
        Map<Fact, FactValue> out = new EnumMap<>(Fact.class);
        for (var e : in.values().entrySet()) {
            FactValue v = e.getValue();
            LocalDate asOf = v.asOf() == null ? today : v.asOf();
            if (asOf.isAfter(today)) {
                errors.add(new FieldError("facts." + e.getKey().jsonName(), e.getKey().label() + "的核实日期不能晚于今天"));
            }
            out.put(e.getKey(), new FactValue(v.value(), v.source() == null ? FactSource.REPORTED : v.source(), asOf));
        }
        Map<String, FactValue> declared = new java.util.TreeMap<>();
        for (var e : in.declared().entrySet()) {
            DeclaredFact fact = declaredFacts.find(e.getKey()).orElse(null);
            if (fact == null) {
                errors.add(new FieldError("facts." + e.getKey(), "未知的合规事实“" + e.getKey() + "”：既不是台账的标准事实，"
                        + "也不是实施方案声明的事实" + activeNames()));
                continue;
            }
            FactValue v = e.getValue();
            LocalDate asOf = v.asOf() == null ? today : v.asOf();
            if (asOf.isAfter(today)) {
                errors.add(new FieldError("facts." + e.getKey(), fact.label() + "的核实日期不能晚于今天"));
            }
            declared.put(e.getKey(), new FactValue(v.value(), v.source() == null ? FactSource.REPORTED : v.source(), asOf));
        }
        return new Facts(out, declared);
    }

    /** What the active plan lets one record, for the message about an unknown fact. */
    private String activeNames() {
        List<DeclaredFact> active = declaredFacts.active();
        return active.isEmpty() ? "" : "（当前实施方案可记录："
                + String.join("、", active.stream().map(f -> f.name() + " " + f.label()).toList()) + "）";
    }

    private Campaign campaign(Campaign in, LocalDate today, List<FieldError> errors) {
        if (in.type() == null) {
            errors.add(new FieldError("type", "请选择企业类型（小散乱污或八小）"));
        }
        if (in.discovery() == null) {
            errors.add(new FieldError("discovery", "请选择发现方式"));
        }
        LocalDate reported = in.reportedOn() == null ? today : in.reportedOn();
        if (reported.isAfter(today)) {
            errors.add(new FieldError("reportedOn", "上报时间不能晚于今天"));
        } else if (reported.isBefore(EARLIEST)) {
            errors.add(new FieldError("reportedOn", "上报时间不能早于 2000 年"));
        }
        return new Campaign(in.type(), in.discovery(), reported, limited(in.remarks(), "remarks", "备注", 2000, errors));
    }

    private static String limited(String raw, String field, String label, int max, List<FieldError> errors) {
        String value = text(raw);
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, label + "不能超过 " + max + " 个字"));
        }
        return value;
    }

    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }
}
