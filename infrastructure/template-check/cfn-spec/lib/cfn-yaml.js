'use strict';
// template.yaml as CloudFormation reads it: the short-form intrinsics (!Ref, !Sub, ...) become their long form
// ({"Ref": ...}, {"Fn::Sub": ...}), so the validator sees one spelling.
const yaml = require('js-yaml');

const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'Not', 'Or', 'ToJsonString', 'Length'];

function tag(name, kind, construct) {
  return new yaml.Type('!' + name, { kind, construct });
}

function types() {
  const all = [];
  for (const kind of ['scalar', 'sequence', 'mapping']) {
    all.push(tag('Ref', kind, (data) => ({ Ref: data })));
    all.push(tag('Condition', kind, (data) => ({ Condition: data })));
    // !GetAtt A.B.C means [A, "B.C"]: only the first dot separates the resource from the attribute.
    all.push(tag('GetAtt', kind, (data) => {
      if (typeof data === 'string') {
        const dot = data.indexOf('.');
        return { 'Fn::GetAtt': dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
      }
      return { 'Fn::GetAtt': data };
    }));
    for (const fn of FUNCTIONS) {
      all.push(tag(fn, kind, (data) => ({ ['Fn::' + fn]: data === null ? '' : data })));
    }
  }
  return all;
}

const SCHEMA = yaml.DEFAULT_SCHEMA.extend(types());

function parse(text, filename) {
  return yaml.load(text, { schema: SCHEMA, filename });
}

module.exports = { parse };
