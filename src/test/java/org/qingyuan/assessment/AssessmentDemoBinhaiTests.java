package org.qingyuan.assessment;

import org.springframework.boot.test.context.SpringBootTest;

/** The assessment demo in 滨海新区 (120116). */
@SpringBootTest(properties = "qingyuan.home-district=120116")
class AssessmentDemoBinhaiTests extends AssessmentDemoTests {
}
