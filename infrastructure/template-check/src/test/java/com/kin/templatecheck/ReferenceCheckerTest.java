package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceCheckerTest {

    @Test
    void templateYaml_hasNoDanglingReference() {
        Path root = ProjectRoot.find();

        assertThat(ReferenceChecker.problems(StackTemplate.read(root.resolve("template.yaml")).document())).isEmpty();
    }

    @Test
    void unknownNames_areReported_knownAndGeneratedOnesAreNot() {
        Map<String, Object> document = Map.of(
                "Parameters", Map.of("Stage", Map.of("Type", "String")),
                "Conditions", Map.of("HasEmail", Map.of("Fn::Equals", List.of("a", "b"))),
                "Resources", Map.of(
                        "Fn", Map.of("Type", "AWS::Serverless::Function",
                                "Properties", Map.of("FunctionUrlConfig", Map.of("AuthType", "NONE"))),
                        "Alarm", Map.of("Type", "AWS::CloudWatch::Alarm", "Condition", "NoSuchCondition",
                                "Properties", Map.of(
                                        "A", Map.of("Ref", "Stage"),
                                        "B", Map.of("Fn::Sub", "${FnUrl.FunctionUrl}/${AWS::Region}/${Missing}"),
                                        "C", Map.of("Fn::GetAtt", List.of("Gone", "Arn")),
                                        "D", Map.of("Ref", "Fn.Alias")))));

        assertThat(ReferenceChecker.problems(document)).containsExactlyInAnyOrder(
                "Resources.Alarm.Properties.B Sub ${Missing} - names no parameter or resource: Missing",
                "Resources.Alarm.Properties.C GetAtt - names no parameter or resource: Gone",
                "Resources.Alarm.Condition - no condition NoSuchCondition");
    }
}
