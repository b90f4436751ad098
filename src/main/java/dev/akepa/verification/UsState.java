package dev.akepa.verification;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * USPS state and territory codes with their names: the 50 states, DC, the inhabited territories, the freely
 * associated states and the Armed Forces codes. The data checks accept exactly these codes; the review console
 * shows their names.
 */
public enum UsState {
    AL("Alabama"), AK("Alaska"), AZ("Arizona"), AR("Arkansas"), CA("California"), CO("Colorado"),
    CT("Connecticut"), DE("Delaware"), FL("Florida"), GA("Georgia"), HI("Hawaii"), ID("Idaho"), IL("Illinois"),
    IN("Indiana"), IA("Iowa"), KS("Kansas"), KY("Kentucky"), LA("Louisiana"), ME("Maine"), MD("Maryland"),
    MA("Massachusetts"), MI("Michigan"), MN("Minnesota"), MS("Mississippi"), MO("Missouri"), MT("Montana"),
    NE("Nebraska"), NV("Nevada"), NH("New Hampshire"), NJ("New Jersey"), NM("New Mexico"), NY("New York"),
    NC("North Carolina"), ND("North Dakota"), OH("Ohio"), OK("Oklahoma"), OR("Oregon"), PA("Pennsylvania"),
    RI("Rhode Island"), SC("South Carolina"), SD("South Dakota"), TN("Tennessee"), TX("Texas"), UT("Utah"),
    VT("Vermont"), VA("Virginia"), WA("Washington"), WV("West Virginia"), WI("Wisconsin"), WY("Wyoming"),
    DC("District of Columbia"), AS("American Samoa"), GU("Guam"), MP("Northern Mariana Islands"),
    PR("Puerto Rico"), VI("U.S. Virgin Islands"), FM("Micronesia"), MH("Marshall Islands"), PW("Palau"),
    AA("Armed Forces Americas"), AE("Armed Forces Europe"), AP("Armed Forces Pacific");

    private static final Map<String, UsState> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final String displayName;

    UsState(String displayName) {
        this.displayName = displayName;
    }

    /** The state for an exact USPS code ("TX"); empty for anything else, lower case included. */
    public static Optional<UsState> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public String displayName() {
        return displayName;
    }
}
