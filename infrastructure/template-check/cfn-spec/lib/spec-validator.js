'use strict';
// Checks a CloudFormation/SAM template against the resource specification of @aws-cdk/aws-service-spec: every
// resource type exists, required properties are present (after SAM's Globals), no property is unknown, values have
// the declared shape (string, number, boolean, list, map, object, allowed values), and Fn::GetAtt names an attribute
// the type has. Intrinsic functions are accepted wherever a value goes; Fn::If is checked branch by branch.

const INTRINSICS = new Set(['Ref', 'Condition', 'Fn::Base64', 'Fn::Cidr', 'Fn::FindInMap', 'Fn::GetAtt', 'Fn::GetAZs',
  'Fn::If', 'Fn::ImportValue', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::Transform', 'Fn::And',
  'Fn::Equals', 'Fn::Not', 'Fn::Or', 'Fn::ToJsonString', 'Fn::Length']);

// SAM's Globals sections and the resource type each one applies to.
const SAM_GLOBALS = {
  Function: 'AWS::Serverless::Function', Api: 'AWS::Serverless::Api', HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable', StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion', CapacityProvider: 'AWS::Serverless::CapacityProvider',
};

function intrinsicName(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return null;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSICS.has(keys[0]) ? keys[0] : null;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value) {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

class SpecValidator {
  /**
   * @param db   the specification database (loadAwsServiceSpecSync())
   * @param gaps properties AWS documents but the spec lacks: [{resource, type, property}] (known-gaps.json)
   */
  constructor(db, gaps = []) {
    this.db = db;
    this.gaps = gaps;
    this.resource = null;
  }

  /** A known gap the spec does not list (null when the property is not a known gap). */
  gap(typeName, property) {
    return this.gaps.find((g) => g.resource === this.resource && g.type === typeName && g.property === property) || null;
  }

  /** Known gaps the spec now has: they would hide type errors, so they must be removed from the list. */
  staleGaps() {
    return this.gaps.filter((g) => {
      const spec = this.resourceType(g.resource);
      if (!spec) return false;
      if (g.type === g.resource) return spec.properties[g.property] !== undefined;
      const definitions = this.db.follow('usesType', spec).map((r) => r.entity);
      return definitions.some((d) => d.name === g.type && d.properties[g.property] !== undefined);
    }).map((g) => `known-gaps.json - ${g.resource} ${g.type}.${g.property} is in the specification now: remove the entry`);
  }

  resourceType(name) {
    const found = this.db.lookup('resource', 'cloudFormationType', 'equals', name);
    return found.length === 0 ? null : found[0];
  }

  /** Every problem of the template, as "Resources.<Id>... - message" strings; empty when it conforms. */
  validate(template) {
    const errors = [];
    if (!isPlainObject(template) || !isPlainObject(template.Resources)) {
      return ['Resources - the template has no Resources section'];
    }
    const globals = isPlainObject(template.Globals) ? template.Globals : {};
    for (const section of Object.keys(globals)) {
      if (!SAM_GLOBALS[section]) {
        errors.push(`Globals.${section} - is not a SAM Globals section (${Object.keys(SAM_GLOBALS).join(', ')})`);
      }
    }
    for (const [section, type] of Object.entries(SAM_GLOBALS)) {
      this.checkGlobals(section, type, globals[section], errors);
    }
    for (const [id, resource] of Object.entries(template.Resources)) {
      this.checkResource(id, resource, globals, template.Resources, errors);
    }
    this.checkGetAtts(template, template.Resources, errors);
    return errors.concat(this.staleGaps());
  }

  /** Globals are checked once, as properties of the type they apply to. */
  checkGlobals(section, type, properties, errors) {
    if (!isPlainObject(properties)) {
      return;
    }
    const spec = this.resourceType(type);
    this.resource = type;
    for (const [name, value] of Object.entries(properties)) {
      this.checkProperty(`Globals.${section}.${name}`, name, value, spec, errors);
    }
  }

  checkResource(id, resource, globals, resources, errors) {
    const where = `Resources.${id}`;
    if (!isPlainObject(resource) || typeof resource.Type !== 'string') {
      errors.push(`${where} - has no Type`);
      return;
    }
    const type = resource.Type;
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
      if (!isPlainObject(resource.Properties) || resource.Properties.ServiceToken === undefined) {
        errors.push(`${where}.Properties.ServiceToken - is required for custom resource ${type}`);
      }
      return;
    }
    const spec = this.resourceType(type);
    if (!spec) {
      errors.push(`${where}.Type - ${type} is not a resource type of the CloudFormation specification`);
      return;
    }
    const own = resource.Properties === undefined ? {} : resource.Properties;
    if (!isPlainObject(own)) {
      errors.push(`${where}.Properties - must be an object, got ${describe(own)}`);
      return;
    }
    const section = Object.keys(SAM_GLOBALS).find((name) => SAM_GLOBALS[name] === type);
    const inherited = section && isPlainObject(globals[section]) ? globals[section] : {};
    this.resource = type;
    for (const [name, value] of Object.entries(own)) {
      this.checkProperty(`${where}.Properties.${name}`, name, value, spec, errors);
    }
    for (const [name, property] of Object.entries(spec.properties)) {
      if (property.required && own[name] === undefined && inherited[name] === undefined) {
        errors.push(`${where}.Properties.${name} - is required for ${type}`);
      }
    }
  }

  checkProperty(where, name, value, spec, errors) {
    const property = spec.properties[name];
    if (!property && this.gap(spec.cloudFormationType, name)) {
      return;
    }
    if (!property) {
      errors.push(`${where} - ${spec.cloudFormationType} has no property ${name}`);
      return;
    }
    this.checkValue(where, value, property.type, errors);
  }

  /** Appends to errors what is wrong with value as a value of type; intrinsics stand for any value. */
  checkValue(where, value, type, errors) {
    const intrinsic = intrinsicName(value);
    if (intrinsic === 'Fn::If') {
      const branches = Array.isArray(value[intrinsic]) ? value[intrinsic] : [];
      if (branches.length !== 3) {
        errors.push(`${where} - Fn::If takes [condition, value if true, value if false]`);
        return;
      }
      branches.slice(1).forEach((branch, i) => {
        if (intrinsicName(branch) !== 'Ref' || branch.Ref !== 'AWS::NoValue') {
          this.checkValue(`${where}(Fn::If ${i === 0 ? 'true' : 'false'})`, branch, type, errors);
        }
      });
      return;
    }
    if (intrinsic) {
      return;
    }
    switch (type.type) {
      case 'string':
      case 'date-time':
        if (!['string', 'number', 'boolean'].includes(typeof value)) {
          errors.push(`${where} - expected a string, got ${describe(value)}`);
        } else if (type.allowedValues && typeof value === 'string' && !type.allowedValues.includes(value)) {
          errors.push(`${where} - ${JSON.stringify(value)} is not one of ${type.allowedValues.join(', ')}`);
        }
        return;
      case 'integer':
      case 'number':
        if (!(typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))))) {
          errors.push(`${where} - expected a ${type.type}, got ${describe(value)}`);
        }
        return;
      case 'boolean':
        if (!(typeof value === 'boolean' || value === 'true' || value === 'false')) {
          errors.push(`${where} - expected a boolean, got ${describe(value)}`);
        }
        return;
      case 'json':
        return;
      case 'null':
        if (value !== null) errors.push(`${where} - expected null, got ${describe(value)}`);
        return;
      case 'tag':
        this.checkObject(where, value, { Key: { type: { type: 'string' }, required: true },
          Value: { type: { type: 'string' }, required: true } }, 'Tag', errors);
        return;
      case 'array':
        if (!Array.isArray(value)) {
          errors.push(`${where} - expected a list, got ${describe(value)}`);
          return;
        }
        value.forEach((item, i) => this.checkValue(`${where}[${i}]`, item, type.element, errors));
        return;
      case 'map':
        if (!isPlainObject(value)) {
          errors.push(`${where} - expected a map, got ${describe(value)}`);
          return;
        }
        Object.entries(value).forEach(([key, item]) => this.checkValue(`${where}.${key}`, item, type.element, errors));
        return;
      case 'ref': {
        const definition = this.db.get('typeDefinition', type.reference.$ref);
        this.checkObject(where, value, definition.properties, definition.name, errors);
        return;
      }
      case 'union':
        this.checkUnion(where, value, type.types, errors);
        return;
      default:
        errors.push(`${where} - the specification has a type this validator does not know: ${type.type}`);
    }
  }

  checkObject(where, value, properties, typeName, errors) {
    if (!isPlainObject(value)) {
      errors.push(`${where} - expected an object (${typeName}), got ${describe(value)}`);
      return;
    }
    for (const [name, item] of Object.entries(value)) {
      const property = properties[name];
      if (!property && this.gap(typeName, name)) {
        continue;
      }
      if (!property) {
        errors.push(`${where}.${name} - ${typeName} has no property ${name}`);
      } else {
        this.checkValue(`${where}.${name}`, item, property.type, errors);
      }
    }
    for (const [name, property] of Object.entries(properties)) {
      if (property.required && value[name] === undefined) {
        errors.push(`${where}.${name} - is required in ${typeName}`);
      }
    }
  }

  /** A union holds when one member accepts the value; otherwise the member with the fewest complaints is reported. */
  checkUnion(where, value, members, errors) {
    let best = null;
    for (const member of members) {
      const found = [];
      this.checkValue(where, value, member, found);
      if (found.length === 0) {
        return;
      }
      if (best === null || found.length < best.length) {
        best = found;
      }
    }
    errors.push(...best);
  }

  /** Fn::GetAtt and ${Id.Attribute} in Fn::Sub must name an attribute of the resource's type (when the spec lists them). */
  checkGetAtts(template, resources, errors) {
    const visit = (node, where) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => visit(item, `${where}[${i}]`));
        return;
      }
      if (!isPlainObject(node)) {
        return;
      }
      const intrinsic = intrinsicName(node);
      if (intrinsic === 'Fn::GetAtt' && Array.isArray(node[intrinsic]) && typeof node[intrinsic][1] === 'string') {
        this.checkAttribute(where, node[intrinsic][0], node[intrinsic][1], resources, errors);
      }
      if (intrinsic === 'Fn::Sub') {
        const text = Array.isArray(node[intrinsic]) ? node[intrinsic][0] : node[intrinsic];
        const locals = Array.isArray(node[intrinsic]) && isPlainObject(node[intrinsic][1]) ? node[intrinsic][1] : {};
        for (const match of String(text).matchAll(/\$\{([^!}][^}]*)}/g)) {
          const dot = match[1].indexOf('.');
          if (dot > 0 && locals[match[1]] === undefined) {
            this.checkAttribute(where, match[1].slice(0, dot), match[1].slice(dot + 1), resources, errors);
          }
        }
      }
      Object.entries(node).forEach(([key, item]) => visit(item, `${where}.${key}`));
    };
    for (const section of ['Resources', 'Outputs', 'Globals']) {
      visit(template[section], section);
    }
  }

  checkAttribute(where, id, attribute, resources, errors) {
    const resource = resources[id];
    // SAM generates resources (FunctionUrl, Role, Version...) and has no attribute list: only plain types are checked.
    if (!isPlainObject(resource) || typeof resource.Type !== 'string' || !resource.Type.startsWith('AWS::')
        || resource.Type.startsWith('AWS::Serverless::')) {
      return;
    }
    const spec = this.resourceType(resource.Type);
    if (spec && !Object.prototype.hasOwnProperty.call(spec.attributes, attribute)) {
      errors.push(`${where} - ${resource.Type} ${id} has no attribute ${attribute} `
        + `(it has: ${Object.keys(spec.attributes).sort().join(', ') || 'none'})`);
    }
  }
}

module.exports = { SpecValidator };
