'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');
const { parse } = require('../lib/cfn-yaml');
const { SpecValidator } = require('../lib/spec-validator');

const db = loadAwsServiceSpecSync();
const gaps = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'known-gaps.json'), 'utf8')).gaps;

function errorsOf(yamlText, withGaps = gaps) {
  return new SpecValidator(db, withGaps).validate(parse(yamlText, 'test.yaml'));
}

const VPC = `
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
`;

test('unknownResourceType_isRejectedNamingTheResource', () => {
  const errors = errorsOf(`Resources:\n  Thing:\n    Type: AWS::EC2::Teleporter\n    Properties: {}\n`);
  assert.deepStrictEqual(errors, ['Resources.Thing.Type - AWS::EC2::Teleporter is not a resource type of the CloudFormation specification']);
});

test('unknownProperty_isRejectedNamingResourceAndProperty', () => {
  const errors = errorsOf(`Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {VisibilityTimeout: 30, Colour: blue}\n`);
  assert.deepStrictEqual(errors, ['Resources.Queue.Properties.Colour - AWS::SQS::Queue has no property Colour']);
});

test('missingRequiredProperty_isRejected', () => {
  const errors = errorsOf(`Resources:\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties: {CidrBlock: 10.0.0.0/24}\n`);
  assert.deepStrictEqual(errors, ['Resources.Subnet.Properties.VpcId - is required for AWS::EC2::Subnet']);
});

test('wrongBasicTypes_areRejected', () => {
  const errors = errorsOf(`Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: {VisibilityTimeout: [30], FifoQueue: maybe, QueueName: {Name: q}}
`);
  assert.deepStrictEqual(errors.sort(), [
    'Resources.Queue.Properties.FifoQueue - expected a boolean, got string "maybe"',
    'Resources.Queue.Properties.QueueName - expected a string, got an object',
    'Resources.Queue.Properties.VisibilityTimeout - expected a integer, got a list',
  ]);
});

test('nestedObjects_unknownPropertyAndAllowedValues_areRejected', () => {
  const errors = errorsOf(`Resources:
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      DBProxyName: p
      EngineFamily: POSTGRESQL
      RoleArn: arn:aws:iam::1:role/r
      VpcSubnetIds: [a, b]
      Auth:
        - {IAMAuth: SOMETIMES, SecretArn: s, Colour: red}
`);
  assert.deepStrictEqual(errors.sort(), [
    'Resources.Proxy.Properties.Auth[0].Colour - AuthFormat has no property Colour',
    'Resources.Proxy.Properties.Auth[0].IAMAuth - "SOMETIMES" is not one of DISABLED, REQUIRED, ENABLED',
  ]);
});

test('intrinsics_areAcceptedWhereValuesGo', () => {
  const errors = errorsOf(`Parameters:
  Stage: {Type: String}
  Port: {Type: Number}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
${VPC}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
      AvailabilityZone: !Select [1, !GetAZs '']
      MapPublicIpOnLaunch: !If [IsProd, false, !Ref AWS::NoValue]
      Tags:
        - {Key: Name, Value: !Sub 'kin-\${Stage}-\${Vpc.CidrBlock}'}
        - {Key: Parts, Value: !Join ['-', !Split [',', 'a,b']]}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: !Ref Port
      QueueName: !If [IsProd, !Sub 'q-\${Stage}', !Ref AWS::NoValue]
`);
  assert.deepStrictEqual(errors, []);
});

test('fnIfBranches_areCheckedAgainstTheType', () => {
  const errors = errorsOf(`Conditions:
  Yes: !Equals [a, a]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: {VisibilityTimeout: !If [Yes, 30, [1]]}
`);
  assert.deepStrictEqual(errors, ['Resources.Queue.Properties.VisibilityTimeout(Fn::If false) - expected a integer, got a list']);
});

test('getAttOfAnUnknownAttribute_isRejected_inGetAttAndSub', () => {
  const errors = errorsOf(`Resources:
${VPC}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt Vpc.Colour
      KmsMasterKeyId: !Sub '\${Vpc.Shade}'
Outputs:
  Id: {Value: !GetAtt Vpc.VpcId}
`);
  assert.strictEqual(errors.length, 2, errors.join('\n'));
  assert.match(errors[0], /^Resources\.Queue\.Properties\.QueueName - AWS::EC2::VPC Vpc has no attribute Colour \(it has: .*VpcId/);
  assert.match(errors[1], /^Resources\.Queue\.Properties\.KmsMasterKeyId - AWS::EC2::VPC Vpc has no attribute Shade/);
});

test('samGlobals_supplyRequiredProperties_andAreCheckedOnce', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: java21
    Colour: red
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties: {Handler: a.A, CodeUri: a.jar}
  B:
    Type: AWS::Serverless::Function
    Properties: {Handler: b.B, CodeUri: b.jar, Timeout: soon}
`;
  assert.deepStrictEqual(errorsOf(template), [
    'Globals.Function.Colour - AWS::Serverless::Function has no property Colour',
    'Resources.B.Properties.Timeout - expected a number, got string "soon"',
  ]);
});

test('knownGaps_areAccepted_andUnknownOnesStillRejected', () => {
  const template = `Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.A
      CodeUri: a.jar
      Runtime: java21
      SnapStart: {ApplyOn: PublishedVersions}
      Events:
        Q:
          Type: SQS
          Properties: {Queue: arn, FunctionResponseTypes: [ReportBatchItemFailures]}
`;
  assert.deepStrictEqual(errorsOf(template), []);
  assert.deepStrictEqual(errorsOf(template, []), [
    'Resources.F.Properties.SnapStart - AWS::Serverless::Function has no property SnapStart',
    'Resources.F.Properties.Events.Q.Properties.FunctionResponseTypes - SQSEvent has no property FunctionResponseTypes',
  ]);
});

test('knownGapThatTheSpecHas_isReportedStale', () => {
  const stale = [{ resource: 'AWS::Serverless::Function', type: 'AWS::Serverless::Function', property: 'Handler' },
    { resource: 'AWS::Serverless::Function', type: 'SQSEvent', property: 'BatchSize' }];
  assert.deepStrictEqual(errorsOf(`Resources: {}\n`, stale), [
    'known-gaps.json - AWS::Serverless::Function AWS::Serverless::Function.Handler is in the specification now: remove the entry',
    'known-gaps.json - AWS::Serverless::Function SQSEvent.BatchSize is in the specification now: remove the entry',
  ]);
});

test('customResourceWithoutServiceToken_isRejected', () => {
  assert.deepStrictEqual(errorsOf(`Resources:\n  M:\n    Type: Custom::Migrations\n    Properties: {Version: 1}\n`),
    ['Resources.M.Properties.ServiceToken - is required for custom resource Custom::Migrations']);
});

test('cli_brokenTemplate_exitsNonZeroListingEveryProblem', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-spec-'));
  const file = path.join(dir, 'template.yaml');
  fs.writeFileSync(file, `Resources:
  Thing: {Type: AWS::Nope::Nothing}
  Queue: {Type: AWS::SQS::Queue, Properties: {Colour: blue}}
  Subnet: {Type: AWS::EC2::Subnet, Properties: {CidrBlock: 10.0.0.0/24}}
`);
  const run = spawnSync(process.execPath, [path.join(__dirname, '..', 'validate.js'), file], { encoding: 'utf8' });
  assert.strictEqual(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /3 problem\(s\)/);
  assert.match(run.stderr, /Resources\.Thing\.Type - AWS::Nope::Nothing is not a resource type/);
  assert.match(run.stderr, /Resources\.Queue\.Properties\.Colour - AWS::SQS::Queue has no property Colour/);
  assert.match(run.stderr, /Resources\.Subnet\.Properties\.VpcId - is required for AWS::EC2::Subnet/);
});

test('cli_projectTemplate_conforms', () => {
  const run = spawnSync(process.execPath, [path.join(__dirname, '..', 'validate.js')], { encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stdout + run.stderr);
});
