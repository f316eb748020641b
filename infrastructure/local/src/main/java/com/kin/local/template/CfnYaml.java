package com.kin.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML. The short-form intrinsic tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...) become
 * their long form ({@code {Ref: X}}, {@code {Fn::Sub: ...}}), so the rest of the runtime handles one shape only.
 */
public final class CfnYaml {

    private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals",
            "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "GetAZs", "Cidr", "Length", "ToJsonString");

    private CfnYaml() {
    }

    public static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new IntrinsicConstructor()).load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new TemplateException(file + " - is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> template = (Map<String, Object>) map;
            return template;
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            FUNCTIONS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new LongForm("Fn::" + name)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, argument(node));
            }

            private Object argument(Node node) {
                if (node instanceof ScalarNode scalar) {
                    String value = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is the short form of [Resource, Attribute].
                    if (key.equals("Fn::GetAtt") && value.contains(".")) {
                        int dot = value.indexOf('.');
                        return List.of(value.substring(0, dot), value.substring(dot + 1));
                    }
                    return value;
                }
                if (node instanceof SequenceNode sequence) {
                    return constructSequence(sequence);
                }
                return constructMapping((MappingNode) node);
            }
        }
    }
}
