package com.kin.load.data;

/**
 * US numbers in E.164 (+1 NPA NXX XXXX) that libphonenumber accepts as valid: area codes in service (201-989 is
 * the NANP range, but only assigned codes validate), exchanges 200-999 without the N11 service codes and 555.
 */
public final class PhoneNumbers {

    private static final String[] AREA_CODES = {
        "201", "202", "203", "205", "206", "212", "213", "214", "215", "216", "217", "301", "303", "305", "310",
        "312", "313", "314", "315", "317", "404", "405", "406", "407", "408", "410", "412", "415", "502", "503",
        "504", "505", "508", "512", "513", "515", "602", "603", "608", "612", "614", "615", "617", "619", "646",
        "702", "703", "704", "713", "714", "718", "720", "773", "801", "803", "804", "808", "813", "818", "857",
        "901", "904", "907", "914", "916", "917", "919", "949", "954", "972", "978", "989"};

    private PhoneNumbers() {
    }

    public static String next(RowRandom random) {
        String areaCode = random.pick(AREA_CODES);
        int exchange;
        do {
            exchange = 200 + random.nextInt(800);
        } while (exchange % 100 == 11 || exchange == 555);
        int line = random.nextInt(10_000);
        return "+1" + areaCode + exchange + String.format("%04d", line);
    }
}
