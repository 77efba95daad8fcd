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
exports.ROOT = void 0;
exports.freePort = freePort;
exports.startService = startService;
// Starts Paxguard services as real child processes (as an operator would) and stops or kills them.
var node_child_process_1 = require('node:child_process');
var node_net_1 = require('node:net');
var node_path_1 = require('node:path');
var node_url_1 = require('node:url');
exports.ROOT = node_path_1.default.resolve(
  node_path_1.default.dirname((0, node_url_1.fileURLToPath)(import.meta.url)),
  '..',
  '..',
);
var TSX = node_path_1.default.join(exports.ROOT, 'node_modules', '.bin', 'tsx');
function freePort() {
  return new Promise(function (resolve, reject) {
    var srv = (0, node_net_1.createServer)();
    srv.listen(0, '127.0.0.1', function () {
      var port = srv.address().port;
      srv.close(function () {
        return resolve(port);
      });
    });
    srv.on('error', reject);
  });
}
function startService(entry_1, env_1) {
  return __awaiter(this, arguments, void 0, function (entry, env, opts) {
    var port, _a, out, proc, url, exited, deadline, r, _b;
    var _c, _d;
    if (opts === void 0) {
      opts = {};
    }
    return __generator(this, function (_e) {
      switch (_e.label) {
        case 0:
          if (!((_c = opts.port) !== null && _c !== void 0)) return [3 /*break*/, 1];
          _a = _c;
          return [3 /*break*/, 3];
        case 1:
          return [4 /*yield*/, freePort()];
        case 2:
          _a = _e.sent();
          _e.label = 3;
        case 3:
          port = _a;
          out = '';
          proc = (0, node_child_process_1.spawn)(
            TSX,
            [node_path_1.default.join(exports.ROOT, entry)],
            {
              cwd: exports.ROOT,
              env: __assign(
                __assign(__assign(__assign({}, process.env), { LOG_LEVEL: 'warn' }), env),
                { PORT: String(port), HOST: '127.0.0.1' },
              ),
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          proc.stdout.on('data', function (d) {
            return (out += d.toString());
          });
          proc.stderr.on('data', function (d) {
            return (out += d.toString());
          });
          url = 'http://127.0.0.1:'.concat(port);
          exited = new Promise(function (resolve) {
            return proc.on('exit', function (code) {
              return resolve(code);
            });
          });
          deadline =
            Date.now() + ((_d = opts.readyTimeoutMs) !== null && _d !== void 0 ? _d : 90000);
          _e.label = 4;
        case 4:
          if (proc.exitCode !== null)
            throw new Error(
              ''.concat(entry, ' exited with ').concat(proc.exitCode, ':\n').concat(out),
            );
          _e.label = 5;
        case 5:
          _e.trys.push([5, 7, , 8]);
          return [4 /*yield*/, fetch(''.concat(url, '/health/ready'))];
        case 6:
          r = _e.sent();
          if (r.ok) return [3 /*break*/, 11];
          return [3 /*break*/, 8];
        case 7:
          _b = _e.sent();
          return [3 /*break*/, 8];
        case 8:
          if (Date.now() > deadline) {
            proc.kill('SIGKILL');
            throw new Error(''.concat(entry, ' not ready in time:\n').concat(out));
          }
          return [
            4 /*yield*/,
            new Promise(function (r) {
              return setTimeout(r, 200);
            }),
          ];
        case 9:
          _e.sent();
          _e.label = 10;
        case 10:
          return [3 /*break*/, 4];
        case 11:
          return [
            2 /*return*/,
            {
              proc: proc,
              url: url,
              output: function () {
                return out;
              },
              stop: function () {
                return __awaiter(this, void 0, void 0, function () {
                  return __generator(this, function (_a) {
                    if (proc.exitCode !== null) return [2 /*return*/, proc.exitCode];
                    proc.kill('SIGTERM');
                    return [2 /*return*/, exited];
                  });
                });
              },
              kill: function () {
                return __awaiter(this, void 0, void 0, function () {
                  return __generator(this, function (_a) {
                    switch (_a.label) {
                      case 0:
                        if (proc.exitCode !== null) return [2 /*return*/];
                        proc.kill('SIGKILL');
                        return [4 /*yield*/, exited];
                      case 1:
                        _a.sent();
                        return [2 /*return*/];
                    }
                  });
                });
              },
            },
          ];
      }
    });
  });
}
