'use strict';
var __awaiter =
  (this && this.__awaiter) ||
  function (thisArg, _arguments, P, generator) {
    function adopt(value) {
      return value instanceof P
        ? value
        : new P(function (resolve) {
            resolve(value);
          });
    }
    return new (P || (P = Promise))(function (resolve, reject) {
      function fulfilled(value) {
        try {
          step(generator.next(value));
        } catch (e) {
          reject(e);
        }
      }
      function rejected(value) {
        try {
          step(generator['throw'](value));
        } catch (e) {
          reject(e);
        }
      }
      function step(result) {
        result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
      }
      step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
  };
var __generator =
  (this && this.__generator) ||
  function (thisArg, body) {
    var _ = {
        label: 0,
        sent: function () {
          if (t[0] & 1) throw t[1];
          return t[1];
        },
        trys: [],
        ops: [],
      },
      f,
      y,
      t,
      g = Object.create((typeof Iterator === 'function' ? Iterator : Object).prototype);
    return (
      (g.next = verb(0)),
      (g['throw'] = verb(1)),
      (g['return'] = verb(2)),
      typeof Symbol === 'function' &&
        (g[Symbol.iterator] = function () {
          return this;
        }),
      g
    );
    function verb(n) {
      return function (v) {
        return step([n, v]);
      };
    }
    function step(op) {
      if (f) throw new TypeError('Generator is already executing.');
      while ((g && ((g = 0), op[0] && (_ = 0)), _))
        try {
          if (
            ((f = 1),
            y &&
              (t =
                op[0] & 2
                  ? y['return']
                  : op[0]
                    ? y['throw'] || ((t = y['return']) && t.call(y), 0)
                    : y.next) &&
              !(t = t.call(y, op[1])).done)
          )
            return t;
          if (((y = 0), t)) op = [op[0] & 2, t.value];
          switch (op[0]) {
            case 0:
            case 1:
              t = op;
              break;
            case 4:
              _.label++;
              return { value: op[1], done: false };
            case 5:
              _.label++;
              y = op[1];
              op = [0];
              continue;
            case 7:
              op = _.ops.pop();
              _.trys.pop();
              continue;
            default:
              if (
                !((t = _.trys), (t = t.length > 0 && t[t.length - 1])) &&
                (op[0] === 6 || op[0] === 2)
              ) {
                _ = 0;
                continue;
              }
              if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) {
                _.label = op[1];
                break;
              }
              if (op[0] === 6 && _.label < t[1]) {
                _.label = t[1];
                t = op;
                break;
              }
              if (t && _.label < t[2]) {
                _.label = t[2];
                _.ops.push(op);
                break;
              }
              if (t[2]) _.ops.pop();
              _.trys.pop();
              continue;
          }
          op = body.call(thisArg, _);
        } catch (e) {
          op = [6, e];
          y = 0;
        } finally {
          f = t = 0;
        }
      if (op[0] & 5) throw op[1];
      return { value: op[0] ? op[1] : void 0, done: true };
    }
  };
Object.defineProperty(exports, '__esModule', { value: true });
// The thin thread at scale: separate ingest and console processes on PostgreSQL and Kafka
// (the test cluster from @paxguard/test-support). A carrier submits over HTTPS and over a
// Kafka topic, gets its reply on the replies topic, and an officer reads the travellers.
var vitest_1 = require('vitest');
var db_1 = require('@paxguard/db');
var domain_1 = require('@paxguard/domain');
var platform_1 = require('@paxguard/platform');
var test_support_1 = require('@paxguard/test-support');
var processes_ts_1 = require('./processes.ts');
var traffic_ts_1 = require('./traffic.ts');
var logger = (0, platform_1.createLogger)({ service: 'e2e', level: 'silent' });
(0, vitest_1.describe)('services on PostgreSQL + Kafka', function () {
  var pg;
  var kafka;
  var db;
  var carrierBus;
  var ingest;
  var consoleSvc;
  var env;
  var replies = [];
  (0, vitest_1.beforeAll)(function () {
    return __awaiter(void 0, void 0, void 0, function () {
      var _a, _b;
      return __generator(this, function (_c) {
        switch (_c.label) {
          case 0:
            return [
              4 /*yield*/,
              Promise.all([(0, test_support_1.testPostgres)(), (0, test_support_1.testKafka)()]),
            ];
          case 1:
            ((_a = _c.sent()), (pg = _a[0]), (kafka = _a[1]));
            return [4 /*yield*/, (0, db_1.openDatabase)((0, db_1.parseDatabaseUrl)(pg.url))];
          case 2:
            db = _c.sent();
            // Onboarding a carrier and an officer (an administrator's job).
            return [
              4 /*yield*/,
              (0, db_1.createCarrierRepository)(db.prisma).ensure({
                designator: 'PG',
                name: 'Paxguard Demo Air',
                apiKey: 'e2e-carrier-key',
              }),
            ];
          case 3:
            // Onboarding a carrier and an officer (an administrator's job).
            _c.sent();
            return [
              4 /*yield*/,
              (0, db_1.createUserRepository)(db.prisma).ensure({
                name: 'Officer',
                role: 'officer',
                token: 'e2e-officer-token',
              }),
            ];
          case 4:
            _c.sent();
            env = {
              DATABASE_URL: pg.url,
              KAFKA_BROKERS: kafka.brokers.join(','),
              KAFKA_SESSION_TIMEOUT_MS: '6000',
            };
            return [
              4 /*yield*/,
              Promise.all([
                (0, processes_ts_1.startService)('services/ingest/src/main.ts', env),
                (0, processes_ts_1.startService)('services/console/src/main.ts', {
                  DATABASE_URL: pg.url,
                }),
              ]),
            ];
          case 5:
            ((_b = _c.sent()), (ingest = _b[0]), (consoleSvc = _b[1]));
            carrierBus = (0, platform_1.createKafkaBus)({
              brokers: kafka.brokers,
              clientId: 'carrier-pg',
              logger: logger,
              sessionTimeoutMs: 6000,
              heartbeatIntervalMs: 500,
            });
            return [
              4 /*yield*/,
              carrierBus.subscribe({
                groupId: 'carrier-pg-replies',
                topics: [domain_1.Topics.carrierReplies],
                fromBeginning: true,
                handler: function (m) {
                  return __awaiter(void 0, void 0, void 0, function () {
                    return __generator(this, function (_a) {
                      return [
                        2 /*return*/,
                        void replies.push({
                          payload: (0, platform_1.decodeEvent)(domain_1.CarrierReply, m).payload,
                        }),
                      ];
                    });
                  });
                },
              }),
            ];
          case 6:
            _c.sent();
            return [2 /*return*/];
        }
      });
    });
  });
  (0, vitest_1.afterAll)(function () {
    return __awaiter(void 0, void 0, void 0, function () {
      return __generator(this, function (_a) {
        switch (_a.label) {
          case 0:
            return [
              4 /*yield*/,
              Promise.allSettled([
                ingest === null || ingest === void 0 ? void 0 : ingest.kill(),
                consoleSvc === null || consoleSvc === void 0 ? void 0 : consoleSvc.kill(),
                carrierBus === null || carrierBus === void 0 ? void 0 : carrierBus.close(),
              ]),
            ];
          case 1:
            _a.sent();
            return [4 /*yield*/, db === null || db === void 0 ? void 0 : db.close()];
          case 2:
            _a.sent();
            return [4 /*yield*/, pg === null || pg === void 0 ? void 0 : pg.drop()];
          case 3:
            _a.sent();
            return [4 /*yield*/, kafka === null || kafka === void 0 ? void 0 : kafka.stop()];
          case 4:
            _a.sent();
            return [2 /*return*/];
        }
      });
    });
  });
  (0, vitest_1.it)('HTTPS: accepted, stored, readable by an officer', function () {
    return __awaiter(void 0, void 0, void 0, function () {
      var r, _a;
      return __generator(this, function (_b) {
        switch (_b.label) {
          case 0:
            return [
              4 /*yield*/,
              (0, traffic_ts_1.submit)(
                ingest.url,
                'e2e-carrier-key',
                (0, traffic_ts_1.paxlst)(
                  (0, traffic_ts_1.manifest)({ seed: 21, number: '801' }),
                  'K1',
                ),
              ),
            ];
          case 1:
            r = _b.sent();
            (0, vitest_1.expect)(r.status).toBe(202);
            _a = vitest_1.expect;
            return [
              4 /*yield*/,
              (0, traffic_ts_1.travellers)(consoleSvc.url, 'e2e-officer-token', 'PG801/2026-12-24'),
            ];
          case 2:
            _a.apply(void 0, [_b.sent()]).toHaveLength(22);
            return [2 /*return*/];
        }
      });
    });
  });
  (0, vitest_1.it)(
    'Kafka: a carrier publishes, gets an acknowledgement on the replies topic',
    function () {
      return __awaiter(void 0, void 0, void 0, function () {
        var deadline, ok, bad, _a, archived;
        var _b;
        return __generator(this, function (_c) {
          switch (_c.label) {
            case 0:
              return [
                4 /*yield*/,
                carrierBus.publish(domain_1.Topics.carrierSubmissions, [
                  {
                    key: 'PG802',
                    value: (0, traffic_ts_1.paxlst)(
                      (0, traffic_ts_1.manifest)({ seed: 22, number: '802' }),
                      'K2',
                    ),
                    headers: {
                      'api-key': 'e2e-carrier-key',
                      'message-id': 'carrier-msg-1',
                      'content-type': 'application/edifact',
                    },
                  },
                  {
                    key: 'PG803',
                    value: 'this is not EDIFACT',
                    headers: { 'api-key': 'e2e-carrier-key', 'message-id': 'carrier-msg-2' },
                  },
                ]),
              ];
            case 1:
              _c.sent();
              deadline = Date.now() + 60000;
              _c.label = 2;
            case 2:
              if (!(replies.length < 2 && Date.now() < deadline)) return [3 /*break*/, 4];
              return [
                4 /*yield*/,
                new Promise(function (r) {
                  return setTimeout(r, 200);
                }),
              ];
            case 3:
              _c.sent();
              return [3 /*break*/, 2];
            case 4:
              ok = replies.find(function (r) {
                return r.payload.carrierMessageId === 'carrier-msg-1';
              });
              bad = replies.find(function (r) {
                return r.payload.carrierMessageId === 'carrier-msg-2';
              });
              (0, vitest_1.expect)(ok === null || ok === void 0 ? void 0 : ok.payload.status).toBe(
                'accepted',
              );
              (0, vitest_1.expect)(
                bad === null || bad === void 0 ? void 0 : bad.payload.status,
              ).toBe('rejected');
              (0, vitest_1.expect)(
                (_b = bad === null || bad === void 0 ? void 0 : bad.payload.errors[0]) === null ||
                  _b === void 0
                  ? void 0
                  : _b.code,
              ).toBe('UNKNOWN_FORMAT');
              _a = vitest_1.expect;
              return [
                4 /*yield*/,
                (0, traffic_ts_1.travellers)(
                  consoleSvc.url,
                  'e2e-officer-token',
                  'PG802/2026-12-24',
                ),
              ];
            case 5:
              _a.apply(void 0, [_c.sent()]).toHaveLength(22);
              return [
                4 /*yield*/,
                db.prisma.submission.findFirst({ where: { carrierMessageId: 'carrier-msg-2' } }),
              ];
            case 6:
              archived = _c.sent();
              (0, vitest_1.expect)(Buffer.from(archived.raw).toString()).toBe(
                'this is not EDIFACT',
              );
              return [2 /*return*/];
          }
        });
      });
    },
  );
  (0, vitest_1.it)(
    'loses nothing when the ingest process is killed right after a 202',
    function () {
      return __awaiter(void 0, void 0, void 0, function () {
        var r, _a;
        return __generator(this, function (_b) {
          switch (_b.label) {
            case 0:
              return [
                4 /*yield*/,
                (0, traffic_ts_1.submit)(
                  ingest.url,
                  'e2e-carrier-key',
                  (0, traffic_ts_1.paxlst)(
                    (0, traffic_ts_1.manifest)({ seed: 23, number: '804' }),
                    'K4',
                  ),
                ),
              ];
            case 1:
              r = _b.sent();
              (0, vitest_1.expect)(r.status).toBe(202);
              return [4 /*yield*/, ingest.kill()];
            case 2:
              _b.sent();
              return [
                4 /*yield*/,
                (0, processes_ts_1.startService)('services/ingest/src/main.ts', env),
              ];
            case 3:
              ingest = _b.sent();
              _a = vitest_1.expect;
              return [
                4 /*yield*/,
                (0, traffic_ts_1.travellers)(
                  consoleSvc.url,
                  'e2e-officer-token',
                  'PG804/2026-12-24',
                ),
              ];
            case 4:
              _a.apply(void 0, [_b.sent()]).toHaveLength(22);
              return [2 /*return*/];
          }
        });
      });
    },
  );
  (0, vitest_1.it)('re-drives a submission archived just before a crash', function () {
    return __awaiter(void 0, void 0, void 0, function () {
      var carrier, raw, deadline, found;
      return __generator(this, function (_a) {
        switch (_a.label) {
          case 0:
            // The state a crash between "archived" and "processed" leaves behind.
            return [4 /*yield*/, ingest.kill()];
          case 1:
            // The state a crash between "archived" and "processed" leaves behind.
            _a.sent();
            return [
              4 /*yield*/,
              db.prisma.carrier.findUniqueOrThrow({ where: { designator: 'PG' } }),
            ];
          case 2:
            carrier = _a.sent();
            raw = Buffer.from(
              (0, traffic_ts_1.paxlst)(
                (0, traffic_ts_1.manifest)({ seed: 24, number: '805' }),
                'K5',
              ),
            );
            return [
              4 /*yield*/,
              db.prisma.submission.create({
                data: {
                  carrierId: carrier.id,
                  channel: 'http',
                  receivedAt: new Date(Date.now() - 60000),
                  raw: new Uint8Array(raw),
                  sha256: 'x'.repeat(64),
                  sizeBytes: raw.length,
                },
              }),
            ];
          case 3:
            _a.sent();
            return [
              4 /*yield*/,
              (0, processes_ts_1.startService)('services/ingest/src/main.ts', env),
            ];
          case 4:
            ingest = _a.sent();
            deadline = Date.now() + 30000;
            _a.label = 5;
          case 5:
            if (!(!found && Date.now() < deadline)) return [3 /*break*/, 9];
            return [
              4 /*yield*/,
              (0, traffic_ts_1.travellers)(consoleSvc.url, 'e2e-officer-token', 'PG805/2026-12-24'),
            ];
          case 6:
            found = _a.sent();
            if (!!found) return [3 /*break*/, 8];
            return [
              4 /*yield*/,
              new Promise(function (r) {
                return setTimeout(r, 300);
              }),
            ];
          case 7:
            _a.sent();
            _a.label = 8;
          case 8:
            return [3 /*break*/, 5];
          case 9:
            (0, vitest_1.expect)(found).toHaveLength(22);
            return [2 /*return*/];
        }
      });
    });
  });
  (0, vitest_1.it)(
    'refuses to start with bad configuration, naming every bad variable',
    function () {
      return __awaiter(void 0, void 0, void 0, function () {
        return __generator(this, function (_a) {
          switch (_a.label) {
            case 0:
              return [
                4 /*yield*/,
                (0, vitest_1.expect)(
                  (0, processes_ts_1.startService)(
                    'services/ingest/src/main.ts',
                    { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohostport' },
                    { readyTimeoutMs: 20000 },
                  ),
                ).rejects.toThrow(
                  /DATABASE_URL[\s\S]*KAFKA_BROKERS|KAFKA_BROKERS[\s\S]*DATABASE_URL/,
                ),
              ];
            case 1:
              _a.sent();
              return [2 /*return*/];
          }
        });
      });
    },
  );
});
