package org.qingyuan.assessment;

import org.springframework.boot.test.context.SpringBootTest;

/** The assessment demo in 水磨沟区 (650105). */
@SpringBootTest(properties = "qingyuan.home-district=650105")
class AssessmentDemoShuimogouTests extends AssessmentDemoTests {
}
