/*
 * interp: a compiler and stack VM for a tiny imperative language.
 *
 * Usage: interp [N]   (default 300000)
 * The embedded program below is tokenized, compiled by a recursive-descent parser into
 * bytecode, and run by a switch-dispatched stack machine. N is bound to the variable n
 * and scales the work: a sieve of Eratosthenes, Collatz chain lengths, gcd sums and an
 * LCG mixing loop. The VM prints what the program prints, then the number of bytecode
 * instructions it executed.
 *
 * Language: integers (64-bit, wrapping), variables, arrays (`dim a[size];`),
 * `while (e) { }`, `if (e) { } else { }`, `print e;`, and the operators
 * || && == != < <= > >= + - * / % unary - and !.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_N = 300000, MAX_SLOTS = 64, MAX_CODE = 4096, STACK_DEPTH = 256 };

static const char *kProgram =
    "// primes below 4n with a sieve\n"
    "limit = 4 * n;\n"
    "dim composite[limit + 1];\n"
    "count = 0; i = 2;\n"
    "while (i <= limit) {\n"
    "  if (!composite[i]) {\n"
    "    count = count + 1;\n"
    "    j = i * i;\n"
    "    while (j <= limit) { composite[j] = 1; j = j + i; }\n"
    "  }\n"
    "  i = i + 1;\n"
    "}\n"
    "print count;\n"
    "// longest Collatz chain for starts below n / 2\n"
    "best = 0; best_start = 0; s = 1;\n"
    "while (s < n / 2) {\n"
    "  x = s; steps = 0;\n"
    "  while (x != 1) {\n"
    "    if (x % 2 == 0) { x = x / 2; } else { x = 3 * x + 1; }\n"
    "    steps = steps + 1;\n"
    "  }\n"
    "  if (steps > best) { best = steps; best_start = s; }\n"
    "  s = s + 1;\n"
    "}\n"
    "print best_start; print best;\n"
    "// sum of gcd(a, b) for 1 <= a, b <= m with Euclid's algorithm\n"
    "m = n / 1000 + 10; total = 0; a = 1;\n"
    "while (a <= m) {\n"
    "  b = 1;\n"
    "  while (b <= m) {\n"
    "    p = a; q = b;\n"
    "    while (q != 0) { r = p % q; p = q; q = r; }\n"
    "    total = total + p;\n"
    "    b = b + 1;\n"
    "  }\n"
    "  a = a + 1;\n"
    "}\n"
    "print total;\n"
    "// LCG mixing with a 256-entry table\n"
    "dim table[256]; k = 0;\n"
    "while (k < 256) { table[k] = k * 2654435761 % 4294967296; k = k + 1; }\n"
    "state = 12345; k = 0; acc = 0;\n"
    "while (k < 4 * n) {\n"
    "  state = (state * 1103515245 + 12345) % 2147483648;\n"
    "  idx = state / 65536 % 256;\n"
    "  table[idx] = (table[idx] + state) % 4294967296;\n"
    "  acc = (acc * 31 + table[idx]) % 1000000007;\n"
    "  if (acc < 0 || acc > 1000000006) { print -1; }\n"
    "  k = k + 1;\n"
    "}\n"
    "print acc;\n";

/* ---- lexer ---- */

typedef enum { T_END, T_NUMBER, T_IDENT, T_PUNCT } TokenKind;

typedef struct {
  TokenKind kind;
  const char *start;
  int length;
  int64_t number;
  int line;
} Token;

static const char *src;
static int line_no = 1;
static Token tok;

static void fail(const char *message) {
  fprintf(stderr, "interp: line %d: %s near '%.*s'\n", tok.line, message, tok.length, tok.start);
  exit(1);
}

static void next_token(void) {
  for (;;) {
    while (isspace((unsigned char)*src)) {
      if (*src == '\n') line_no++;
      src++;
    }
    if (src[0] == '/' && src[1] == '/') {
      while (*src && *src != '\n') src++;
      continue;
    }
    break;
  }
  tok.start = src;
  tok.line = line_no;
  if (*src == '\0') {
    tok.kind = T_END;
    tok.length = 0;
  } else if (isdigit((unsigned char)*src)) {
    uint64_t v = 0;
    while (isdigit((unsigned char)*src)) v = v * 10 + (uint64_t)(*src++ - '0');
    tok.kind = T_NUMBER;
    tok.number = (int64_t)v;
  } else if (isalpha((unsigned char)*src) || *src == '_') {
    while (isalnum((unsigned char)*src) || *src == '_') src++;
    tok.kind = T_IDENT;
  } else {
    static const char *two[] = {"==", "!=", "<=", ">=", "&&", "||"};
    tok.kind = T_PUNCT;
    src++;
    for (size_t i = 0; i < sizeof two / sizeof *two; i++)
      if (tok.start[0] == two[i][0] && tok.start[1] == two[i][1]) {
        src++;
        break;
      }
  }
  tok.length = (int)(src - tok.start);
}

static int is(const char *text) {
  return (tok.kind == T_PUNCT || tok.kind == T_IDENT) && (int)strlen(text) == tok.length &&
         memcmp(tok.start, text, (size_t)tok.length) == 0;
}

static int accept(const char *text) {
  if (!is(text)) return 0;
  next_token();
  return 1;
}

static void expect(const char *text) {
  if (!accept(text)) {
    char message[64];
    snprintf(message, sizeof message, "expected '%s'", text);
    fail(message);
  }
}

/* ---- compiler ---- */

typedef enum {
  OP_PUSH, OP_LOAD, OP_STORE, OP_ALOAD, OP_ASTORE, OP_DIM,
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
  OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_NEG, OP_NOT,
  OP_JMP, OP_JZ, OP_JNZ, OP_PRINT, OP_HALT, OP_COUNT
} Op;

typedef struct {
  Op op;
  int64_t arg;
} Instr;

static Instr code[MAX_CODE];
static int code_size;
static char slot_names[MAX_SLOTS][32];
static int slot_count;

static int emit(Op op, int64_t arg) {
  if (code_size == MAX_CODE) fail("program too large");
  code[code_size].op = op;
  code[code_size].arg = arg;
  return code_size++;
}

static int slot_of(const Token *t) {
  if (t->length >= 32) fail("name too long");
  for (int i = 0; i < slot_count; i++)
    if ((int)strlen(slot_names[i]) == t->length &&
        memcmp(slot_names[i], t->start, (size_t)t->length) == 0)
      return i;
  if (slot_count == MAX_SLOTS) fail("too many names");
  memcpy(slot_names[slot_count], t->start, (size_t)t->length);
  slot_names[slot_count][t->length] = '\0';
  return slot_count++;
}

static void expression(void);

static void primary(void) {
  if (tok.kind == T_NUMBER) {
    emit(OP_PUSH, tok.number);
    next_token();
  } else if (tok.kind == T_IDENT) {
    Token name = tok;
    next_token();
    if (accept("[")) {
      expression();
      expect("]");
      emit(OP_ALOAD, slot_of(&name));
    } else {
      emit(OP_LOAD, slot_of(&name));
    }
  } else if (accept("(")) {
    expression();
    expect(")");
  } else if (accept("-")) {
    primary();
    emit(OP_NEG, 0);
  } else if (accept("!")) {
    primary();
    emit(OP_NOT, 0);
  } else {
    fail("expected an expression");
  }
}

static void term(void) {
  primary();
  for (;;) {
    Op op = is("*") ? OP_MUL : is("/") ? OP_DIV : is("%") ? OP_MOD : OP_COUNT;
    if (op == OP_COUNT) return;
    next_token();
    primary();
    emit(op, 0);
  }
}

static void sum(void) {
  term();
  for (;;) {
    Op op = is("+") ? OP_ADD : is("-") ? OP_SUB : OP_COUNT;
    if (op == OP_COUNT) return;
    next_token();
    term();
    emit(op, 0);
  }
}

static void comparison(void) {
  sum();
  Op op = is("<")    ? OP_LT
          : is("<=") ? OP_LE
          : is(">")  ? OP_GT
          : is(">=") ? OP_GE
          : is("==") ? OP_EQ
          : is("!=") ? OP_NE
                     : OP_COUNT;
  if (op == OP_COUNT) return;
  next_token();
  sum();
  emit(op, 0);
}

/* a && b: a; JZ false; b; NOT; NOT; JMP end; false: PUSH 0; end: */
static void conjunction(void) {
  comparison();
  while (accept("&&")) {
    int to_false = emit(OP_JZ, 0);
    comparison();
    emit(OP_NOT, 0);
    emit(OP_NOT, 0);
    int to_end = emit(OP_JMP, 0);
    code[to_false].arg = emit(OP_PUSH, 0);
    code[to_end].arg = code_size;
  }
}

static void expression(void) {
  conjunction();
  while (accept("||")) {
    int to_true = emit(OP_JNZ, 0);
    conjunction();
    emit(OP_NOT, 0);
    emit(OP_NOT, 0);
    int to_end = emit(OP_JMP, 0);
    code[to_true].arg = emit(OP_PUSH, 1);
    code[to_end].arg = code_size;
  }
}

static void statement(void);

static void block(void) {
  expect("{");
  while (!accept("}")) {
    if (tok.kind == T_END) fail("unterminated block");
    statement();
  }
}

static void statement(void) {
  if (accept("while")) {
    int top = code_size;
    expect("(");
    expression();
    expect(")");
    int exit_jump = emit(OP_JZ, 0);
    block();
    emit(OP_JMP, top);
    code[exit_jump].arg = code_size;
  } else if (accept("if")) {
    expect("(");
    expression();
    expect(")");
    int else_jump = emit(OP_JZ, 0);
    block();
    if (accept("else")) {
      int end_jump = emit(OP_JMP, 0);
      code[else_jump].arg = code_size;
      block();
      code[end_jump].arg = code_size;
    } else {
      code[else_jump].arg = code_size;
    }
  } else if (accept("print")) {
    expression();
    expect(";");
    emit(OP_PRINT, 0);
  } else if (accept("dim")) {
    if (tok.kind != T_IDENT) fail("expected an array name");
    int slot = slot_of(&tok);
    next_token();
    expect("[");
    expression();
    expect("]");
    expect(";");
    emit(OP_DIM, slot);
  } else if (tok.kind == T_IDENT) {
    int slot = slot_of(&tok);
    next_token();
    if (accept("[")) {
      expression();
      expect("]");
      expect("=");
      expression();
      emit(OP_ASTORE, slot);
    } else {
      expect("=");
      expression();
      emit(OP_STORE, slot);
    }
    expect(";");
  } else {
    fail("expected a statement");
  }
}

static void compile(const char *text) {
  src = text;
  next_token();
  while (tok.kind != T_END) statement();
  emit(OP_HALT, 0);
}

/* ---- virtual machine ---- */

typedef struct {
  int64_t *data;
  int64_t size;
} Array;

static void vm_error(const char *message, int pc) {
  fprintf(stderr, "interp: runtime error at %d: %s\n", pc, message);
  exit(1);
}

static uint64_t run(int64_t n) {
  int64_t vars[MAX_SLOTS] = {0};
  Array arrays[MAX_SLOTS] = {{0, 0}};
  int64_t stack[STACK_DEPTH];
  int sp = 0, pc = 0;
  uint64_t executed = 0;
  for (int i = 0; i < slot_count; i++)
    if (strcmp(slot_names[i], "n") == 0) vars[i] = n;

#define POP() (stack[--sp])
#define PUSH(v) (stack[sp++] = (v))
#define BINARY(expr)        \
  do {                      \
    int64_t b_ = POP();     \
    int64_t a_ = POP();     \
    (void)a_;               \
    (void)b_;               \
    PUSH(expr);             \
  } while (0)
  for (;;) {
    const Instr *in = &code[pc++];
    executed++;
    if (sp > STACK_DEPTH - 4) vm_error("stack overflow", pc - 1);
    switch (in->op) {
      case OP_PUSH: PUSH(in->arg); break;
      case OP_LOAD: PUSH(vars[in->arg]); break;
      case OP_STORE: vars[in->arg] = POP(); break;
      case OP_ALOAD: {
        int64_t i = POP();
        Array *a = &arrays[in->arg];
        if (i < 0 || i >= a->size) vm_error("index out of range", pc - 1);
        PUSH(a->data[i]);
        break;
      }
      case OP_ASTORE: {
        int64_t v = POP(), i = POP();
        Array *a = &arrays[in->arg];
        if (i < 0 || i >= a->size) vm_error("index out of range", pc - 1);
        a->data[i] = v;
        break;
      }
      case OP_DIM: {
        int64_t size = POP();
        if (size < 0 || size > 100000000) vm_error("bad array size", pc - 1);
        Array *a = &arrays[in->arg];
        free(a->data);
        a->data = calloc((size_t)size + 1, sizeof(int64_t));
        if (!a->data) vm_error("out of memory", pc - 1);
        a->size = size;
        break;
      }
      case OP_ADD: BINARY((int64_t)((uint64_t)a_ + (uint64_t)b_)); break;
      case OP_SUB: BINARY((int64_t)((uint64_t)a_ - (uint64_t)b_)); break;
      case OP_MUL: BINARY((int64_t)((uint64_t)a_ * (uint64_t)b_)); break;
      case OP_DIV:
      case OP_MOD: {
        int64_t b = POP(), a = POP();
        if (b == 0) vm_error("division by zero", pc - 1);
        if (b == -1) {
          PUSH(in->op == OP_DIV ? (int64_t)(0 - (uint64_t)a) : 0);
        } else {
          PUSH(in->op == OP_DIV ? a / b : a % b);
        }
        break;
      }
      case OP_LT: BINARY(a_ < b_); break;
      case OP_LE: BINARY(a_ <= b_); break;
      case OP_GT: BINARY(a_ > b_); break;
      case OP_GE: BINARY(a_ >= b_); break;
      case OP_EQ: BINARY(a_ == b_); break;
      case OP_NE: BINARY(a_ != b_); break;
      case OP_NEG: stack[sp - 1] = (int64_t)(0 - (uint64_t)stack[sp - 1]); break;
      case OP_NOT: stack[sp - 1] = !stack[sp - 1]; break;
      case OP_JMP: pc = (int)in->arg; break;
      case OP_JZ:
        if (POP() == 0) pc = (int)in->arg;
        break;
      case OP_JNZ:
        if (POP() != 0) pc = (int)in->arg;
        break;
      case OP_PRINT: printf("%lld\n", (long long)POP()); break;
      case OP_HALT:
        for (int i = 0; i < slot_count; i++) free(arrays[i].data);
        return executed;
      case OP_COUNT: vm_error("bad opcode", pc - 1);
    }
  }
#undef POP
#undef PUSH
#undef BINARY
}

static long parse_size(int argc, char **argv, long fallback) {
  if (argc < 2) return fallback;
  char *end;
  long v = strtol(argv[1], &end, 10);
  if (*end != '\0' || v <= 0 || v > 10000000) {
    fprintf(stderr, "usage: %s [N]  (1..10000000)\n", argv[0]);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv) {
  long n = parse_size(argc, argv, DEFAULT_N);
  compile(kProgram);
  printf("compiled %d instructions, %d names\n", code_size, slot_count);
  uint64_t executed = run(n);
  printf("executed %llu instructions\n", (unsigned long long)executed);
  return 0;
}
