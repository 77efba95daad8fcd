'use strict';
var __assign =
  (this && this.__assign) ||
  function () {
    __assign =
      Object.assign ||
      function (t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];
        }
        return t;
      };
    return __assign.apply(this, arguments);
  };
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
exports.manifest = manifest;
exports.paxlst = paxlst;
exports.submit = submit;
exports.travellers = travellers;
// Carrier-side helpers for end-to-end tests: build a realistic PAXLST and submit it.
var demo_data_1 = require('@paxguard/demo-data');
var edifact_1 = require('@paxguard/edifact');
function manifest(spec) {
  return (0, demo_data_1.generateManifest)(
    __assign(
      {
        carrier: 'PG',
        number: '700',
        date: '2026-12-24',
        origin: 'LHR',
        destination: 'JFK',
        passengers: 20,
        crew: 2,
      },
      spec,
    ),
  );
}
function paxlst(m, ref) {
  var r = (0, edifact_1.encodePaxlst)(m, {
    sender: m.flight.carrier,
    recipient: 'PAXGUARD',
    interchangeRef: ref,
    messageRef: ref,
    preparedAt: '2026-12-20T08:00',
  });
  if (!r.ok)
    throw new Error(
      r.errors
        .map(function (e) {
          return e.message;
        })
        .join('; '),
    );
  return r.value;
}
function submit(base, apiKey, body) {
  return __awaiter(this, void 0, void 0, function () {
    var r;
    var _a;
    return __generator(this, function (_b) {
      switch (_b.label) {
        case 0:
          return [
            4 /*yield*/,
            fetch(''.concat(base, '/v1/carrier/submissions'), {
              method: 'POST',
              headers: {
                authorization: 'Bearer '.concat(apiKey),
                'content-type': 'application/edifact',
              },
              body: body,
            }),
          ];
        case 1:
          r = _b.sent();
          _a = { status: r.status };
          return [4 /*yield*/, r.json()];
        case 2:
          return [2 /*return*/, ((_a.body = _b.sent()), _a)];
      }
    });
  });
}
function travellers(base, token, flightKey) {
  return __awaiter(this, void 0, void 0, function () {
    var r, _a, _b, _c;
    return __generator(this, function (_d) {
      switch (_d.label) {
        case 0:
          return [
            4 /*yield*/,
            fetch(''.concat(base, '/v1/flights/').concat(flightKey, '/travellers'), {
              headers: { authorization: 'Bearer '.concat(token) },
            }),
          ];
        case 1:
          r = _d.sent();
          if (r.status === 404) return [2 /*return*/, undefined];
          if (!!r.ok) return [3 /*break*/, 3];
          _a = Error.bind;
          _c = (_b = 'GET travellers: '.concat(r.status, ' ')).concat;
          return [4 /*yield*/, r.text()];
        case 2:
          throw new (_a.apply(Error, [void 0, _c.apply(_b, [_d.sent()])]))();
        case 3:
          return [4 /*yield*/, r.json()];
        case 4:
          return [2 /*return*/, _d.sent().travellers];
      }
    });
  });
}
