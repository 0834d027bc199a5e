using System.Numerics;

namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// The shortest decimal that reads back as a given <c>float8</c> or <c>float4</c>, computed the way PostgreSQL's float
/// output does since version 12 (the Ryu algorithm): digits times a power of ten. Like PostgreSQL it never picks a
/// decimal lying exactly halfway to a neighbouring float (which only round-half-even readers would read back right),
/// rounds half to even between candidates, and prints integers below 2^53 (2^24 for float4) exactly.
/// </summary>
internal static class ShortestDecimal
{
    private const int DoubleMantissaBits = 52;
    private const int DoubleBias = 1023;
    private const int SingleMantissaBits = 23;
    private const int SingleBias = 127;

    /// <summary>Bits of precision kept of 2^k / 5^q and of 5^i; enough for mantissas of up to 55 bits.</summary>
    private const int InverseBits = 122;
    private const int PowerBits = 121;

    private static readonly UInt128[] InversePowersOfFive = BuildInverse(342);
    private static readonly UInt128[] PowersOfFive = BuildPowers(326);

    /// <summary>The digits and decimal exponent of finite, non-zero <paramref name="value"/> (its sign ignored).</summary>
    public static ulong Of(double value, out int exponent)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return Compute(bits & ((1UL << DoubleMantissaBits) - 1), (int)(bits >> DoubleMantissaBits) & 0x7FF, DoubleMantissaBits, DoubleBias,
            out exponent);
    }

    /// <summary>The digits and decimal exponent of finite, non-zero <paramref name="value"/> (its sign ignored).</summary>
    public static ulong Of(float value, out int exponent)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return Compute(bits & ((1U << SingleMantissaBits) - 1), (int)(bits >> SingleMantissaBits) & 0xFF, SingleMantissaBits, SingleBias,
            out exponent);
    }

    private static ulong Compute(ulong ieeeMantissa, int ieeeExponent, int mantissaBits, int bias, out int exponent)
    {
        // Integers that the mantissa holds exactly are printed exactly.
        var binaryExponent = ieeeExponent - bias - mantissaBits;
        var m2 = ieeeExponent == 0 ? ieeeMantissa : (1UL << mantissaBits) | ieeeMantissa;
        if (ieeeExponent != 0 && binaryExponent <= 0 && binaryExponent >= -mantissaBits && (m2 & ((1UL << -binaryExponent) - 1)) == 0)
        {
            exponent = 0;
            return m2 >> -binaryExponent;
        }

        // The value is m2·2^e2 with two extra bits, so the halfway points to the neighbours are integers too: mv ± 2
        // above, and 1 below when the lower neighbour is closer (at a power of two).
        var e2 = (ieeeExponent == 0 ? 1 - bias - mantissaBits : binaryExponent) - 2;
        var mv = 4 * m2;
        var lowerGap = ieeeMantissa != 0 || ieeeExponent <= 1 ? 2UL : 1UL;
        ulong vr, vp, vm;
        int e10;
        var vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            // Scale by 2^e2 / 10^q, with q one short of the digits that may go, so the last removed digit is seen.
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var shift = -e2 + q + InverseBits + Pow5Bits(q) - 1;
            var factor = InversePowersOfFive[q];
            vr = MultiplyShift(mv, factor, shift);
            vp = MultiplyShift(mv + 2, factor, shift);
            vm = MultiplyShift(mv - lowerGap, factor, shift);
            if (q <= 21)
            {
                // Exact quotients: at most one of mv, mv + 2, mv - gap is a multiple of 5.
                if (mv % 5 == 0)
                    vrIsTrailingZeros = IsMultipleOfPowerOfFive(mv, q);
                else if (IsMultipleOfPowerOfFive(mv + 2, q))
                    vp--;
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var shift = q - (Pow5Bits(i) - PowerBits);
            var factor = PowersOfFive[i];
            vr = MultiplyShift(mv, factor, shift);
            vp = MultiplyShift(mv + 2, factor, shift);
            vm = MultiplyShift(mv - lowerGap, factor, shift);
            if (q <= 1)
            {
                vrIsTrailingZeros = true;
                // The upper halfway point is exact here and must not be chosen.
                vp--;
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << (q - 1)) - 1)) == 0;
            }
        }

        // Drop digits while the interval (vm, vp) still holds a shorter decimal, then round vr; a vr on the excluded
        // lower bound moves up.
        var removed = 0;
        var lastRemovedDigit = 0UL;
        while (vp / 10 > vm / 10)
        {
            vrIsTrailingZeros &= lastRemovedDigit == 0;
            lastRemovedDigit = vr % 10;
            vr /= 10;
            vp /= 10;
            vm /= 10;
            removed++;
        }
        // Exactly halfway between two candidates: round to even.
        if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            lastRemovedDigit = 4;
        exponent = e10 + removed;
        return vr + (vr == vm || lastRemovedDigit >= 5 ? 1UL : 0UL);
    }

    /// <summary>(m · factor) >> shift, where factor has up to 124 bits and m up to 55 bits, so the result fits 64 bits.</summary>
    private static ulong MultiplyShift(ulong m, UInt128 factor, int shift)
    {
        var highOfLow = Math.BigMul(m, (ulong)factor, out _);
        var high = Math.BigMul(m, (ulong)(factor >> 64), out var low);
        var middle = low + highOfLow;
        if (middle < low)
            high++;
        return (ulong)(new UInt128(high, middle) >> (shift - 64));
    }

    private static bool IsMultipleOfPowerOfFive(ulong value, int power)
    {
        var count = 0;
        while (value % 5 == 0 && count < power)
        {
            value /= 5;
            count++;
        }
        return count >= power;
    }

    /// <summary>ceil(log2(5^e)), and 1 for e = 0: the bit length of 5^e.</summary>
    private static int Pow5Bits(int e) => (int)(((uint)e * 1_217_359 >> 19) + 1);

    /// <summary>floor(log10(2^e)).</summary>
    private static int Log10Pow2(int e) => (int)((uint)e * 78_913 >> 18);

    /// <summary>floor(log10(5^e)).</summary>
    private static int Log10Pow5(int e) => (int)((uint)e * 732_923 >> 20);

    /// <summary>floor(2^k / 5^q) + 1 with k chosen so each entry has <see cref="InverseBits"/> + 1 bits at most.</summary>
    private static UInt128[] BuildInverse(int count)
    {
        var table = new UInt128[count];
        for (var q = 0; q < count; q++)
        {
            var power = BigInteger.Pow(5, q);
            var k = (int)power.GetBitLength() - 1 + InverseBits;
            table[q] = ToUInt128((BigInteger.One << k) / power + 1);
        }
        return table;
    }

    /// <summary>5^i cut (or padded) to its top <see cref="PowerBits"/> bits.</summary>
    private static UInt128[] BuildPowers(int count)
    {
        var table = new UInt128[count];
        for (var i = 0; i < count; i++)
        {
            var power = BigInteger.Pow(5, i);
            var excess = (int)power.GetBitLength() - PowerBits;
            table[i] = ToUInt128(excess >= 0 ? power >> excess : power << -excess);
        }
        return table;
    }

    private static UInt128 ToUInt128(BigInteger value) => new((ulong)(value >> 64), (ulong)(value & ulong.MaxValue));
}
