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
// The thin thread in embedded mode, exactly as `npm start` runs it: one process, PGlite on
// disk, in-process bus. Includes a crash (SIGKILL) right after an accepted submission.
var node_fs_1 = require('node:fs');
var node_os_1 = require('node:os');
var node_path_1 = require('node:path');
var vitest_1 = require('vitest');
var processes_ts_1 = require('./processes.ts');
var traffic_ts_1 = require('./traffic.ts');
(0, vitest_1.describe)('embedded pipeline (PGlite + in-process bus)', function () {
  var home = (0, node_fs_1.mkdtempSync)(
    node_path_1.default.join((0, node_os_1.tmpdir)(), 'paxguard-e2e-'),
  );
  var env = { PAXGUARD_HOME: home, DEMO_DATA: 'false' };
  var svc;
  var creds;
  var key = function () {
    return creds.carriers.find(function (c) {
      return c.designator === 'PG';
    }).apiKey;
  };
  var officer = function () {
    return creds.users.find(function (u) {
      return u.role === 'officer';
    }).token;
  };
  (0, vitest_1.beforeAll)(function () {
    return __awaiter(void 0, void 0, void 0, function () {
      return __generator(this, function (_a) {
        switch (_a.label) {
          case 0:
            return [
              4 /*yield*/,
              (0, processes_ts_1.startService)('services/embedded/src/main.ts', env),
            ];
          case 1:
            svc = _a.sent();
            creds = JSON.parse(
              (0, node_fs_1.readFileSync)(
                node_path_1.default.join(home, 'demo-credentials.json'),
                'utf8',
              ),
            );
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
            return [4 /*yield*/, svc === null || svc === void 0 ? void 0 : svc.kill()];
          case 1:
            _a.sent();
            (0, node_fs_1.rmSync)(home, { recursive: true, force: true });
            return [2 /*return*/];
        }
      });
    });
  });
  (0, vitest_1.it)('takes a PAXLST over HTTPS and serves the flight’s travellers', function () {
    return __awaiter(void 0, void 0, void 0, function () {
      var m, r, _a;
      return __generator(this, function (_b) {
        switch (_b.label) {
          case 0:
            m = (0, traffic_ts_1.manifest)({ seed: 11, number: '701' });
            return [
              4 /*yield*/,
              (0, traffic_ts_1.submit)(svc.url, key(), (0, traffic_ts_1.paxlst)(m, 'E1')),
            ];
          case 1:
            r = _b.sent();
            (0, vitest_1.expect)(r.status).toBe(202);
            (0, vitest_1.expect)(r.body.flights[0]).toMatchObject({
              flightKey: 'PG701/2026-12-24',
              added: 22,
            });
            _a = vitest_1.expect;
            return [
              4 /*yield*/,
              (0, traffic_ts_1.travellers)(svc.url, officer(), 'PG701/2026-12-24'),
            ];
          case 2:
            _a.apply(void 0, [_b.sent()]).toHaveLength(22);
            return [2 /*return*/];
        }
      });
    });
  });
  (0, vitest_1.it)(
    'loses nothing when killed right after a 202, and knows the message after restart',
    function () {
      return __awaiter(void 0, void 0, void 0, function () {
        var m, body, r, _a, again;
        return __generator(this, function (_b) {
          switch (_b.label) {
            case 0:
              m = (0, traffic_ts_1.manifest)({ seed: 12, number: '702' });
              body = (0, traffic_ts_1.paxlst)(m, 'E2');
              return [4 /*yield*/, (0, traffic_ts_1.submit)(svc.url, key(), body)];
            case 1:
              r = _b.sent();
              (0, vitest_1.expect)(r.status).toBe(202);
              return [4 /*yield*/, svc.kill()];
            case 2:
              _b.sent();
              return [
                4 /*yield*/,
                (0, processes_ts_1.startService)('services/embedded/src/main.ts', env),
              ];
            case 3:
              svc = _b.sent();
              _a = vitest_1.expect;
              return [
                4 /*yield*/,
                (0, traffic_ts_1.travellers)(svc.url, officer(), 'PG702/2026-12-24'),
              ];
            case 4:
              _a.apply(void 0, [_b.sent()]).toHaveLength(22);
              return [4 /*yield*/, (0, traffic_ts_1.submit)(svc.url, key(), body)];
            case 5:
              again = _b.sent();
              (0, vitest_1.expect)(again.body.status).toBe('duplicate');
              return [2 /*return*/];
          }
        });
      });
    },
  );
  (0, vitest_1.it)('stops cleanly on SIGTERM', function () {
    return __awaiter(void 0, void 0, void 0, function () {
      var _a;
      return __generator(this, function (_b) {
        switch (_b.label) {
          case 0:
            _a = vitest_1.expect;
            return [4 /*yield*/, svc.stop()];
          case 1:
            _a.apply(void 0, [_b.sent()]).toBe(0);
            return [
              4 /*yield*/,
              (0, processes_ts_1.startService)('services/embedded/src/main.ts', env),
            ];
          case 2:
            svc = _b.sent();
            return [2 /*return*/];
        }
      });
    });
  });
});
