#!/usr/bin/env python3
"""Generates mont_x86_64.S: Montgomery multiplication for 4 and 6 limbs with
BMI2 (mulx) and ADX (adcx/adox), the kernels ff::mont::mul dispatches to on x86-64.

    python3 src/crypto/ff/detail/gen_mont_x86_64.py > src/crypto/ff/detail/mont_x86_64.S

CIOS with two carry chains per row (Intel, "New Instructions Supporting Large Integer
Arithmetic on Intel Architecture Processors", 2012): mulx leaves the flags alone, adcx
carries through CF only and adox through OF only, so the low and high halves of a row of
products accumulate in parallel. The kernels assume the "no-carry" bound of
montgomery.hpp (top limb of p below 2^63 - 1, inputs reduced), so the running total fits
in N+1 registers and the register that row i zeroes becomes the top of row i+1.

C signature (System V):
    void dusk_ff_mont_mul_N(u64 out[N], const u64 a[N], const u64 b[N],
                            const u64 p[N], u64 inv);   // inv = -p^-1 mod 2^64
out may alias a or b. Constant time: no branches, no data-dependent addresses.
"""

import sys

# Registers: a = rsi, p = rcx, b = r9 (moved from rdx, which mulx needs), lo/hi = rax/rbx.
# The accumulator t0..tN rotates over the rest; out and inv live on the stack.
T_REGS = {4: ["rdi", "r8", "r10", "r11", "r12"],
          6: ["rdi", "r8", "r10", "r11", "r12", "r13", "r14"]}
CALLEE_SAVED = ["rbx", "rbp", "r12", "r13", "r14", "r15"]
SPARE = ["rax", "rbx", "rbp", "r15", "rsi", "r9", "rdx"]  # for the final subtraction


def kernel(n):
    out = []
    emit = out.append
    name = f"dusk_ff_mont_mul_{n}"
    used = set(T_REGS[n]) | set(SPARE[:n]) | {"rbx"}
    saved = [r for r in CALLEE_SAVED if r in used]
    emit(f"\t.globl {name}")
    emit(f"\t.type {name}, @function")
    emit("\t.p2align 5")
    emit(f"{name}:")
    emit("\t.cfi_startproc")
    for r in saved:
        emit(f"\tpushq %{r}")
    # Stack: 0(%rsp) = out, 8(%rsp) = inv.
    emit("\tsubq $16, %rsp")
    emit("\tmovq %rdi, 0(%rsp)")
    emit("\tmovq %r8, 8(%rsp)")
    emit("\tmovq %rdx, %r9")
    t = list(T_REGS[n])  # t[0..n]
    for r in t:
        emit(f"\txorq %{r}, %{r}")
    for i in range(n):
        # t += a * b[i]
        emit(f"\tmovq {8 * i}(%r9), %rdx")
        emit("\txorl %eax, %eax")  # clears CF and OF
        for j in range(n):
            emit(f"\tmulxq {8 * j}(%rsi), %rax, %rbx")
            emit(f"\tadcxq %rax, %{t[j]}")
            emit(f"\tadoxq %rbx, %{t[j + 1]}")
        emit(f"\tadcq $0, %{t[n]}")
        # m = t0 * inv; t += m * p; the low word becomes 0 and t shifts down one word.
        emit(f"\tmovq %{t[0]}, %rdx")
        emit("\timulq 8(%rsp), %rdx")
        emit("\txorl %eax, %eax")
        for j in range(n):
            emit(f"\tmulxq {8 * j}(%rcx), %rax, %rbx")
            emit(f"\tadcxq %rax, %{t[j]}")
            emit(f"\tadoxq %rbx, %{t[j + 1]}")
        emit(f"\tadcq $0, %{t[n]}")
        t = t[1:] + t[:1]  # t[0] is now zero: it becomes the new top word
    # Result t[0..n-1] < 2p: subtract p, keep the difference unless it borrowed.
    spare = SPARE[:n]
    for j in range(n):
        emit(f"\tmovq %{t[j]}, %{spare[j]}")
        emit(f"\t{'subq' if j == 0 else 'sbbq'} {8 * j}(%rcx), %{spare[j]}")
    emit("\tmovq 0(%rsp), %rcx")
    for j in range(n):
        emit(f"\tcmovcq %{t[j]}, %{spare[j]}")
        emit(f"\tmovq %{spare[j]}, {8 * j}(%rcx)")
    emit("\taddq $16, %rsp")
    for r in reversed(saved):
        emit(f"\tpopq %{r}")
    emit("\tret")
    emit("\t.cfi_endproc")
    emit(f"\t.size {name}, .-{name}")
    return "\n".join(out)


def prologue(emit, name, saved):
    emit(f"\t.globl {name}")
    emit(f"\t.type {name}, @function")
    emit("\t.p2align 5")
    emit(f"{name}:")
    emit("\t.cfi_startproc")
    for r in saved:
        emit(f"\tpushq %{r}")


def epilogue(emit, name, saved):
    for r in reversed(saved):
        emit(f"\tpopq %{r}")
    emit("\tret")
    emit("\t.cfi_endproc")
    emit(f"\t.size {name}, .-{name}")


def mul_wide(n):
    """dusk_ff_mul_wide_N(u64 out[2N], const u64 a[N], const u64 b[N]): the plain
    2N-limb product, row by row; after row i, limb i is final and is stored. out must
    not alias a or b."""
    out = []
    emit = out.append
    name = f"dusk_ff_mul_wide_{n}"
    t = ["rcx", "r8", "r9", "r10", "r11", "r12", "r13"][: n + 1]
    saved = [r for r in CALLEE_SAVED if r in set(t) | {"rbx", "r14"}]
    prologue(emit, name, saved)
    emit("\tmovq %rdx, %r14")  # b; mulx needs rdx
    for r in t:
        emit(f"\txorq %{r}, %{r}")
    for i in range(n):
        emit(f"\tmovq {8 * i}(%r14), %rdx")
        emit(f"\txorq %{t[n]}, %{t[n]}")  # the new top word; also clears CF and OF
        for j in range(n):
            emit(f"\tmulxq {8 * j}(%rsi), %rax, %rbx")
            emit(f"\tadcxq %rax, %{t[j]}")
            emit(f"\tadoxq %rbx, %{t[j + 1]}")
        emit(f"\tadcq $0, %{t[n]}")
        emit(f"\tmovq %{t[0]}, {8 * i}(%rdi)")
        t = t[1:] + t[:1]
    for j in range(n):
        emit(f"\tmovq %{t[j]}, {8 * (n + j)}(%rdi)")
    epilogue(emit, name, saved)
    return "\n".join(out)


def redc(n):
    """dusk_ff_redc_N(u64 out[N], const u64 t[2N], const u64 p[N], u64 inv): Montgomery
    reduction t / 2^(64N) mod p for t < p * 2^(64N) and 2p < 2^(64N). The low half is
    reduced on its own, V = (t_lo + m p) / 2^(64N) <= p, by the reduction rows of the
    multiplication; then V + t_hi < 2p takes one conditional subtraction. out may alias
    t."""
    out = []
    emit = out.append
    name = f"dusk_ff_redc_{n}"
    t = ["r9", "r10", "r11", "r12", "r13", "r14", "r15"][: n + 1]
    spare = ["rax", "rbx", "rbp", "rdx", "r8", "rsi"][:n]
    saved = [r for r in CALLEE_SAVED if r in set(t) | set(spare) | {"rbx"}]
    prologue(emit, name, saved)
    emit("\tmovq %rcx, %r8")  # inv (4th argument)
    emit("\tmovq %rdx, %rcx")  # p (3rd); mulx needs rdx
    for j in range(n):
        emit(f"\tmovq {8 * j}(%rsi), %{t[j]}")
    emit(f"\txorq %{t[n]}, %{t[n]}")
    for i in range(n):
        emit(f"\tmovq %{t[0]}, %rdx")
        emit("\timulq %r8, %rdx")
        emit("\txorl %eax, %eax")
        for j in range(n):
            emit(f"\tmulxq {8 * j}(%rcx), %rax, %rbx")
            emit(f"\tadcxq %rax, %{t[j]}")
            emit(f"\tadoxq %rbx, %{t[j + 1]}")
        emit(f"\tadcq $0, %{t[n]}")
        t = t[1:] + t[:1]
    for j in range(n):  # + t_hi
        emit(f"\t{'addq' if j == 0 else 'adcq'} {8 * (n + j)}(%rsi), %{t[j]}")
    for j in range(n):
        emit(f"\tmovq %{t[j]}, %{spare[j]}")
        emit(f"\t{'subq' if j == 0 else 'sbbq'} {8 * j}(%rcx), %{spare[j]}")
    for j in range(n):
        emit(f"\tcmovcq %{t[j]}, %{spare[j]}")
        emit(f"\tmovq %{spare[j]}, {8 * j}(%rdi)")
    epilogue(emit, name, saved)
    return "\n".join(out)


def main():
    print("// Generated by gen_mont_x86_64.py; do not edit.")
    print("// Montgomery multiplication with mulx/adcx/adox; see the generator for the method.")
    print("#if defined(__x86_64__) && defined(__ELF__)")
    print("\t.text")
    for n in (4, 6):
        print(kernel(n))
        print(mul_wide(n))
        print(redc(n))
    print("\t.section .note.GNU-stack,\"\",@progbits")
    print("#endif")


if __name__ == "__main__":
    sys.exit(main())
