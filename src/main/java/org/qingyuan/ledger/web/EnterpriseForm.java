package org.qingyuan.ledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Premises;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.FieldError;

/**
 * The create and edit form of one enterprise, as typed: text fields keep what the user
 * entered, so an invalid form comes back unchanged with a message beside each bad field.
 */
public class EnterpriseForm {

    private String name;
    private String creditCode;
    private String operator;
    private String contactPerson;
    private String contactPhone;
    private String divisionCode;
    private String address;
    private String longitude;
    private String latitude;
    private String industry;
    private String keyIndustry;
    private String eightSmall;
    private String products;
    private String rawMaterials;
    private String equipmentModels;
    private String employees;
    private String outputValue;
    private String premises;
    private String landlord;
    private Map<String, String> facts = new LinkedHashMap<>();
    private String factSource = FactSource.INSPECTION.name();
    private String factDate;
    private String type;
    private String discovery;
    private String reportedOn;
    private String remarks;
    private int version;
    private String reason;

    /** A form filled from stored details. */
    static EnterpriseForm of(EnterpriseDetails d, int version) {
        EnterpriseForm f = new EnterpriseForm();
        f.name = d.identity().name();
        f.creditCode = d.identity().creditCode();
        f.operator = d.identity().operator();
        f.contactPerson = d.identity().contactPerson();
        f.contactPhone = d.identity().contactPhone();
        f.divisionCode = d.division() == null ? null : d.division().value();
        f.address = d.place().address();
        f.longitude = d.place().longitude() == null ? null : d.place().longitude().toString();
        f.latitude = d.place().latitude() == null ? null : d.place().latitude().toString();
        Business b = d.business();
        f.industry = b.industry() == null ? null : b.industry().name();
        f.keyIndustry = b.keyIndustry() == null ? "" : b.keyIndustry().toString();
        f.eightSmall = b.eightSmall() == null ? "" : b.eightSmall().toString();
        f.products = b.products();
        f.rawMaterials = b.rawMaterials();
        f.equipmentModels = b.equipmentModels();
        f.employees = b.employees() == null ? null : b.employees().toString();
        f.outputValue = b.outputValue() == null ? null : b.outputValue().stripTrailingZeros().toPlainString();
        f.premises = b.premises() == null ? null : b.premises().name();
        f.landlord = b.landlord();
        for (Fact fact : Fact.values()) {
            Boolean v = d.facts().value(fact);
            f.facts.put(fact.jsonName(), v == null ? "" : v.toString());
        }
        d.facts().declared().forEach((name, v) -> f.facts.put(name, v.value().toString()));
        f.type = d.campaign().type() == null ? null : d.campaign().type().name();
        f.discovery = d.campaign().discovery() == null ? null : d.campaign().discovery().name();
        f.reportedOn = d.campaign().reportedOn() == null ? null : d.campaign().reportedOn().toString();
        f.remarks = d.campaign().remarks();
        f.version = version;
        return f;
    }

    /** The details the form describes; unparseable numbers and dates are reported by field. */
    EnterpriseDetails toDetails(Facts before, LocalDate today, List<FieldError> errors) {
        DivisionCode division = null;
        if (divisionCode != null && !divisionCode.isBlank()) {
            try {
                division = DivisionCode.of(divisionCode);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("divisionCode", e.getMessage()));
            }
        }
        Double lon = decimal(longitude, "longitude", "经度", errors);
        Double lat = decimal(latitude, "latitude", "纬度", errors);
        Integer staff = null;
        if (employees != null && !employees.isBlank()) {
            try {
                staff = Integer.valueOf(employees.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("employees", "用工人数应为整数"));
            }
        }
        BigDecimal output = null;
        if (outputValue != null && !outputValue.isBlank()) {
            try {
                output = new BigDecimal(outputValue.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("outputValue", "产值（万元）应为数字"));
            }
        }
        LocalDate reported = date(reportedOn, "reportedOn", "上报时间", errors);
        FactSource source = EnterpriseMapping.parse(FactSource.class, factSource, "factSource", "事实来源", errors);
        LocalDate asOf = date(factDate, "factDate", "核实日期", errors);
        Facts values = Facts.NONE;
        for (Fact fact : Fact.values()) {
            String raw = facts.get(fact.jsonName());
            Boolean value = "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
            if (value == null) {
                continue;
            }
            FactValue old = before.get(fact);
            values = values.with(fact, value.equals(old.value()) ? old : new FactValue(value, source, asOf == null ? today : asOf));
        }
        // the facts the plan declares: those the form shows, and those it does not (recorded under another plan) kept
        for (var e : facts.entrySet()) {
            if (Fact.byJsonName(e.getKey()).isPresent()) {
                continue;
            }
            String raw = e.getValue();
            Boolean value = "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
            if (value != null) {
                FactValue old = before.get(e.getKey());
                values = values.with(e.getKey(), value.equals(old.value()) ? old
                        : new FactValue(value, source, asOf == null ? today : asOf));
            }
        }
        for (var e : before.declared().entrySet()) {
            if (!facts.containsKey(e.getKey())) {
                values = values.with(e.getKey(), e.getValue());
            }
        }
        return new EnterpriseDetails(
                new Identity(name, creditCode, operator, contactPerson, contactPhone),
                new Place(division, address, lon, lat),
                new Business(EnterpriseMapping.parse(Industry.class, industry, "industry", "行业", errors), bool(keyIndustry),
                        bool(eightSmall), products, rawMaterials, equipmentModels, staff, output,
                        EnterpriseMapping.parse(Premises.class, premises, "premises", "厂房性质", errors), landlord),
                values,
                new Campaign(EnterpriseMapping.parse(EnterpriseType.class, type, "type", "企业类型", errors),
                        EnterpriseMapping.parse(Discovery.class, discovery, "discovery", "发现方式", errors), reported, remarks));
    }

    private static Boolean bool(String s) {
        return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
    }

    private static Double decimal(String s, String field, String label, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, label + "应为数字，如 113.61"));
            return null;
        }
    }

    private static LocalDate date(String s, String field, String label, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, label + "应为日期，如 2026-03-01"));
            return null;
        }
    }

    // accessors for data binding and the template

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String v) { creditCode = v; }
    public String getOperator() { return operator; }
    public void setOperator(String v) { operator = v; }
    public String getContactPerson() { return contactPerson; }
    public void setContactPerson(String v) { contactPerson = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
    public String getDivisionCode() { return divisionCode; }
    public void setDivisionCode(String v) { divisionCode = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String v) { longitude = v; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String v) { latitude = v; }
    public String getIndustry() { return industry; }
    public void setIndustry(String v) { industry = v; }
    public String getKeyIndustry() { return keyIndustry; }
    public void setKeyIndustry(String v) { keyIndustry = v; }
    public String getEightSmall() { return eightSmall; }
    public void setEightSmall(String v) { eightSmall = v; }
    public String getProducts() { return products; }
    public void setProducts(String v) { products = v; }
    public String getRawMaterials() { return rawMaterials; }
    public void setRawMaterials(String v) { rawMaterials = v; }
    public String getEquipmentModels() { return equipmentModels; }
    public void setEquipmentModels(String v) { equipmentModels = v; }
    public String getEmployees() { return employees; }
    public void setEmployees(String v) { employees = v; }
    public String getOutputValue() { return outputValue; }
    public void setOutputValue(String v) { outputValue = v; }
    public String getPremises() { return premises; }
    public void setPremises(String v) { premises = v; }
    public String getLandlord() { return landlord; }
    public void setLandlord(String v) { landlord = v; }
    public Map<String, String> getFacts() { return facts; }
    public void setFacts(Map<String, String> v) { facts = v; }
    public String getFactSource() { return factSource; }
    public void setFactSource(String v) { factSource = v; }
    public String getFactDate() { return factDate; }
    public void setFactDate(String v) { factDate = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getDiscovery() { return discovery; }
    public void setDiscovery(String v) { discovery = v; }
    public String getReportedOn() { return reportedOn; }
    public void setReportedOn(String v) { reportedOn = v; }
    public String getRemarks() { return remarks; }
    public void setRemarks(String v) { remarks = v; }
    public int getVersion() { return version; }
    public void setVersion(int v) { version = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
