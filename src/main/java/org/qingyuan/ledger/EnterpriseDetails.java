package org.qingyuan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.qingyuan.shared.DivisionCode;

/**
 * What the ledger knows about one enterprise: every column of 001 附件1 and 004 附件2, grouped
 * as officials think of them. This is what registration and editing supply; a record, so a
 * change is a new value and the difference is the history.
 */
public record EnterpriseDetails(Identity identity, Place place, Business business, Facts facts, Campaign campaign) {

    public EnterpriseDetails {
        identity = identity == null ? new Identity(null, null, null, null, null) : identity;
        place = place == null ? new Place(null, null, null, null) : place;
        business = business == null ? new Business(null, null, null, null, null, null, null, null, null, null) : business;
        facts = facts == null ? Facts.NONE : facts;
        campaign = campaign == null ? new Campaign(null, null, null, null) : campaign;
    }

    /**
     * 企业名称, 统一社会信用代码 (optional: unlicensed workshops have none), 经营者, 联系人, 联系电话.
     *
     * @param creditCode canonical form, or null
     */
    public record Identity(String name, String creditCode, String operator, String contactPerson, String contactPhone) {
    }

    /**
     * 所在村组 / 所属街道社区, 企业地址, coordinates in WGS-84.
     *
     * @param division down to the village or community (or the town where villages are not loaded)
     */
    public record Place(DivisionCode division, String address, Double longitude, Double latitude) {
    }

    /**
     * 行业, key-industry and “八小” flags, 产品, 原辅材料, 设备型号, 用工人数, 产值 (万元), 厂房性质 and landlord.
     *
     * @param keyIndustry null means "as the industry says"
     * @param eightSmall null means "as the industry says"
     * @param outputValue annual output value in 万元 (10,000 yuan)
     */
    public record Business(Industry industry, Boolean keyIndustry, Boolean eightSmall, String products, String rawMaterials,
                           String equipmentModels, Integer employees, BigDecimal outputValue, Premises premises,
                           String landlord) {

        /** The key-industry flag, defaulted from the industry. */
        public boolean isKeyIndustry() {
            return keyIndustry != null ? keyIndustry : industry != null && industry.keyIndustry();
        }

        /** The “八小” flag, defaulted from the industry. */
        public boolean isEightSmall() {
            return eightSmall != null ? eightSmall : industry != null && industry.eightSmall();
        }
    }

    /**
     * 企业类型, how it was found, 上报时间, 备注.
     *
     * @param reportedOn the day it was reported; today when not given
     */
    public record Campaign(EnterpriseType type, Discovery discovery, LocalDate reportedOn, String remarks) {
    }

    public String name() {
        return identity.name();
    }

    public DivisionCode division() {
        return place.division();
    }

    public EnterpriseDetails withIdentity(Identity value) {
        return new EnterpriseDetails(value, place, business, facts, campaign);
    }

    public EnterpriseDetails withPlace(Place value) {
        return new EnterpriseDetails(identity, value, business, facts, campaign);
    }

    public EnterpriseDetails withBusiness(Business value) {
        return new EnterpriseDetails(identity, place, value, facts, campaign);
    }

    public EnterpriseDetails withFacts(Facts value) {
        return new EnterpriseDetails(identity, place, business, value, campaign);
    }

    public EnterpriseDetails withCampaign(Campaign value) {
        return new EnterpriseDetails(identity, place, business, facts, value);
    }
}
