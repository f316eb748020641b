package com.kin.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private final IntrinsicResolver.References references = new IntrinsicResolver.References() {
        @Override
        public Object ref(String logicalId) {
            return "ref:" + logicalId;
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            return "att:" + logicalId + "." + attribute;
        }
    };

    private final IntrinsicResolver resolver = new IntrinsicResolver(
            Map.of("Stage", "dev", "Zones", List.of("a", "b")),
            Map.of("IsDev", Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "dev"))),
            Map.of("Sizes", Map.of("dev", Map.of("Memory", 512))),
            references);

    @Test
    void sub_replacesParametersResourcesAttributesAndEscapes() {
        Object resolved = resolver.resolve(Map.of("Fn::Sub", "kin-${Stage}-${Queue}-${Queue.Arn}-${!Literal}"));

        assertThat(resolved).isEqualTo("kin-dev-ref:Queue-att:Queue.Arn-${Literal}");
    }

    @Test
    void subWithVariables_usesThemFirst() {
        Object resolved = resolver.resolve(Map.of("Fn::Sub", List.of("${Stage}/${Name}", Map.of("Name", Map.of("Ref", "Stage")))));

        assertThat(resolved).isEqualTo("dev/dev");
    }

    @Test
    void joinSelectAndSplit_compose() {
        Object joined = resolver.resolve(Map.of("Fn::Join", List.of("-", List.of("x", Map.of("Ref", "Stage")))));
        Object selected = resolver.resolve(Map.of("Fn::Select", List.of("1", Map.of("Ref", "Zones"))));
        Object split = resolver.resolve(Map.of("Fn::Split", List.of(",", "p,q")));

        assertThat(joined).isEqualTo("x-dev");
        assertThat(selected).isEqualTo("b");
        assertThat(split).isEqualTo(List.of("p", "q"));
    }

    @Test
    void ifAndConditions_pickTheBranch() {
        Object resolved = resolver.resolve(Map.of("Fn::If", List.of("IsDev", "yes", "no")));

        assertThat(resolved).isEqualTo("yes");
    }

    @Test
    void noValue_removesTheEntry() {
        Object resolved = resolver.resolve(Map.of("Keep", "1", "Drop", Map.of("Ref", "AWS::NoValue")));

        assertThat(resolved).isEqualTo(Map.of("Keep", "1"));
    }

    @Test
    void findInMap_readsTheMapping() {
        assertThat(resolver.resolve(Map.of("Fn::FindInMap", List.of("Sizes", "dev", "Memory")))).isEqualTo(512);
    }

    @Test
    void unsupportedIntrinsic_failsNamingIt() {
        assertThatThrownBy(() -> resolver.resolve(Map.of("Fn::ImportValue", "SharedVpc")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Fn::ImportValue");
    }

    @Test
    void resolveString_rejectsALists() {
        assertThatThrownBy(() -> resolver.resolveString(Map.of("Ref", "Zones"), "Environment.ZONES"))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("Environment.ZONES - must resolve to a string");
    }
}
