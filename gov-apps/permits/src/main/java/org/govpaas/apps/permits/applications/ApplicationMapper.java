package org.govpaas.apps.permits.applications;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Statements of the application, history and attachment tables; transactions are the service's. */
@Mapper
// Public only for the bean registrations Spring AOT generates at build time, in another package.
public interface ApplicationMapper {

    void insert(@Param("reference") String reference, @Param("citizenSubject") String citizenSubject,
                @Param("citizenName") String citizenName, @Param("answersJson") String answersJson);

    PermitApplication findByReference(@Param("reference") String reference);

    /** The same row, locked until the transaction ends: every transition starts here. */
    PermitApplication lockByReference(@Param("reference") String reference);

    /** The citizen's own application, or null for anyone else's (even when it exists). */
    PermitApplication findOwn(@Param("reference") String reference, @Param("citizenSubject") String citizenSubject);

    List<PermitApplication> listOwn(@Param("citizenSubject") String citizenSubject);

    /** The review queue; null statuses means every status. */
    List<PermitApplication> listByStatus(@Param("statuses") List<Status> statuses, @Param("limit") int limit);

    void updateStatus(@Param("id") long id, @Param("status") Status status, @Param("claimedBy") String claimedBy,
                      @Param("claimedByName") String claimedByName);

    void updateAnswers(@Param("id") long id, @Param("answersJson") String answersJson);

    void insertHistory(@Param("applicationId") long applicationId, @Param("action") Action action,
                       @Param("fromStatus") Status fromStatus, @Param("toStatus") Status toStatus,
                       @Param("actor") Actor actor, @Param("comment") String comment);

    List<HistoryEntry> history(@Param("applicationId") long applicationId);

    /** The latest transitions of every application, newest first: the staff audit trail. */
    List<Activity> recentActivity(@Param("limit") int limit);

    void insertAttachment(@Param("applicationId") long applicationId, @Param("publicId") String publicId,
                          @Param("fileName") String fileName, @Param("contentType") String contentType,
                          @Param("content") byte[] content);

    List<Attachment> attachments(@Param("applicationId") long applicationId);

    Attachment attachment(@Param("applicationId") long applicationId, @Param("publicId") String publicId);

    /** The bytes in a record: a bare {@code byte[]} result would be read as a list of rows. */
    record Content(byte[] bytes) {
    }

    Content content(@Param("id") long id);

    int deleteAttachment(@Param("applicationId") long applicationId, @Param("publicId") String publicId);
}
