'use strict';
// node validate.js <template.yaml>: exits 1 listing every resource and property that does not conform to the
// CloudFormation resource specification (@aws-cdk/aws-service-spec, SAM types included).
const fs = require('fs');
const path = require('path');
const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');
const { parse } = require('./lib/cfn-yaml');
const { SpecValidator } = require('./lib/spec-validator');

function main(argv) {
  const file = path.resolve(argv[2] || path.join(__dirname, '..', '..', '..', 'template.yaml'));
  const template = parse(fs.readFileSync(file, 'utf8'), file);
  const specVersion = require('@aws-cdk/aws-service-spec/package.json').version;
  const gaps = JSON.parse(fs.readFileSync(path.join(__dirname, 'known-gaps.json'), 'utf8')).gaps;
  const errors = new SpecValidator(loadAwsServiceSpecSync(), gaps).validate(template);
  if (errors.length > 0) {
    console.error(`cfn-spec - ${file} does not conform to the CloudFormation resource specification `
      + `(@aws-cdk/aws-service-spec ${specVersion}), ${errors.length} problem(s):`);
    errors.forEach((error) => console.error('  ' + error));
    return 1;
  }
  console.log(`cfn-spec - ${file}: ${Object.keys(template.Resources).length} resources conform to the CloudFormation `
    + `resource specification (@aws-cdk/aws-service-spec ${specVersion})`);
  return 0;
}

process.exitCode = main(process.argv);
